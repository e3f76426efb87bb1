package id.satupintu.idp.registry;

import java.time.Clock;

import org.junit.jupiter.api.BeforeEach;

import id.satupintu.idp.registry.embedded.DemoRegistryRecords;
import id.satupintu.idp.registry.embedded.EmbeddedRegistry;
import id.satupintu.idp.registry.embedded.FixedRecords;

/** The connector contract against the embedded registry. */
class EmbeddedRegistryConnectorContractTest extends RegistryConnectorContract {

    private EmbeddedRegistry registry;

    @BeforeEach
    void freshRegistry() {
        registry = new EmbeddedRegistry(new FixedRecords(DemoRegistryRecords.all()), Clock.systemUTC());
    }

    @Override
    protected RegistryConnector connector() {
        return registry;
    }

    @Override
    protected EmbeddedRegistry registry() {
        return registry;
    }
}
