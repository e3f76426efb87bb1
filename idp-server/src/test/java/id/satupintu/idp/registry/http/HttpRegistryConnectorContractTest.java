package id.satupintu.idp.registry.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import id.satupintu.idp.registry.RegistryConnector;
import id.satupintu.idp.registry.RegistryConnectorContract;
import id.satupintu.idp.registry.embedded.EmbeddedRegistry;

/**
 * The connector contract against {@link HttpRegistryConnector} talking to the registry simulator over
 * real mutual TLS, with change events arriving as signed SETs through a webhook.
 */
class HttpRegistryConnectorContractTest extends RegistryConnectorContract {

    private SimulatedRegistry registry;

    @BeforeEach
    void startSimulator() {
        registry = new SimulatedRegistry().withWebhook();
    }

    @AfterEach
    void stopSimulator() {
        registry.close();
    }

    @Override
    protected RegistryConnector connector() {
        return registry.connector;
    }

    @Override
    protected EmbeddedRegistry registry() {
        return registry.simulator.registry();
    }
}
