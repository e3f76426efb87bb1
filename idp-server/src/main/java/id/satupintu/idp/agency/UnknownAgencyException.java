package id.satupintu.idp.agency;

/** A client refers to an agency code that is not stored. */
public class UnknownAgencyException extends RuntimeException {

    public UnknownAgencyException(String code) {
        super("unknown agency " + code);
    }
}
