package id.satupintu.conformance.harness;

/** A demo citizen the server seeds, with the credentials a person would type. */
public record Citizen(String name, String nik, String password) {

    private static final String DEMO_PASSWORD = "demo-warga-satu-pintu";

    public static final Citizen SITI = new Citizen("Siti Rahayu", "3171016502900001", DEMO_PASSWORD);
    public static final Citizen BUDI = new Citizen("Budi Santoso", "3273011708850002", DEMO_PASSWORD);

    public Citizen withPassword(String otherPassword) {
        return new Citizen(name, nik, otherPassword);
    }

    @Override
    public String toString() {
        // never the NIK or the password in test output
        return "Citizen[" + name + "]";
    }
}
