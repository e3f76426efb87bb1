package id.satupintu.idp.registry;

import java.time.LocalDate;

/** NIK fixtures: the demo citizens' numbers and a fixed "today" for birth-year resolution. */
public final class TestNiks {

    /** Siti Rahayu: Jakarta Pusat (3171), Gambir (01), female born 25-02-1990, serial 0001. */
    public static final String SITI = "3171016502900001";
    /** Budi Santoso: Kota Bandung (3273), Sukasari (01), male born 17-08-1985, serial 0002. */
    public static final String BUDI = "3273011708850002";
    /** Dewi Lestari: Kota Surabaya (3578), female born 10-03-1995, serial 0003. */
    public static final String DEWI = "3578015003950003";

    /** A fixed date to resolve two-digit years against, so tests do not depend on the clock. */
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    private TestNiks() {
    }

    /** @return a well-formed NIK of a man born on the given date in Jakarta Pusat, serial 0009 */
    public static String man(int day, int month, int twoDigitYear) {
        return "317101" + "%02d%02d%02d".formatted(day, month, twoDigitYear) + "0009";
    }

    /** @return a well-formed NIK of a woman born on the given date in Jakarta Pusat, serial 0009 */
    public static String woman(int day, int month, int twoDigitYear) {
        return man(day + 40, month, twoDigitYear);
    }
}
