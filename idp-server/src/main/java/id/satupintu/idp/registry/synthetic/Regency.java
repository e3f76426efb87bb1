package id.satupintu.idp.registry.synthetic;

import java.util.Locale;

/** A regency (kabupaten) or city (kota) with its four-digit code, which starts with its province's. */
public record Regency(String code, String name, Province province) {

    /** Cities are coded 71 and up within their province; regencies below. Cities are urban. */
    public boolean isCity() {
        return Integer.parseInt(code.substring(2)) >= 71;
    }

    /** @return the name as a birth place is printed on the identity card: {@code KOTA BANDUNG} gives {@code BANDUNG} */
    public String placeName() {
        String place = name;
        for (String prefix : new String[] {"Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota "}) {
            if (place.startsWith(prefix)) {
                place = place.substring(prefix.length());
                break;
            }
        }
        return place.toUpperCase(Locale.ROOT);
    }
}
