package id.satupintu.sdk.gateway;

/** A gateway setting is missing or malformed; the message names the key and is safe to print. */
public final class GatewayConfigurationException extends RuntimeException {

    public GatewayConfigurationException(String message) {
        super(message);
    }
}
