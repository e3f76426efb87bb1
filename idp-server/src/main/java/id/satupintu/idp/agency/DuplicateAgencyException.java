package id.satupintu.idp.agency;

/** An agency with the requested code already exists. */
public class DuplicateAgencyException extends RuntimeException {

    public DuplicateAgencyException(String code) {
        super("agency " + code + " already exists");
    }
}
