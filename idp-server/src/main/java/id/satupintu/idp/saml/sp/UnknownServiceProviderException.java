package id.satupintu.idp.saml.sp;

import java.util.UUID;

/** No service provider is registered under this id. */
public class UnknownServiceProviderException extends RuntimeException {

    public UnknownServiceProviderException(UUID id) {
        super("no SAML service provider with id " + id);
    }
}
