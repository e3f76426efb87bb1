package id.satupintu.idp.saml.sp;

/** A service-provider setting was refused (unknown scope, refresh interval below the minimum, ...). */
public class InvalidSettingsException extends InvalidMetadataException {

    public InvalidSettingsException(String reason) {
        super(reason);
    }
}
