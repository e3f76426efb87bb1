package id.satupintu.idp.citizen;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps a citizen to the OpenID Connect standard claims of the granted scopes (OIDC Core §5.4 for
 * which claims each scope requests, §5.1 for their formats). Claims without a value are left out
 * rather than sent empty (§5.3.2).
 *
 * <p>Besides the four scopes of §5.4, the scope {@value #NIK_SCOPE} covers the national identity
 * number ({@code nik}, 16 digits) and the family card number ({@code family_card_number}); only
 * clients an administrator granted it may request it.
 */
public final class StandardClaims {

    /** The scope covering {@code nik} and {@code family_card_number}; granted to clients by an administrator only. */
    public static final String NIK_SCOPE = "nik";

    /**
     * Which claims each scope covers (OIDC Core §5.4, plus {@value #NIK_SCOPE}). A claim asked for
     * individually (the {@code claims} parameter, §5.5) is released only when its scope was granted.
     */
    public static final Map<String, List<String>> CLAIMS_OF_SCOPE = claimsOfScope();

    private static Map<String, List<String>> claimsOfScope() {
        Map<String, List<String>> claims = new LinkedHashMap<>();
        claims.put("profile", List.of("name", "given_name", "family_name", "birthdate", "gender", "locale"));
        claims.put("email", List.of("email", "email_verified"));
        claims.put("phone", List.of("phone_number", "phone_number_verified"));
        claims.put("address", List.of("address"));
        claims.put(NIK_SCOPE, List.of("nik", "family_card_number"));
        return Collections.unmodifiableMap(claims);
    }

    /** OIDC Core §5.1 {@code locale}: BCP 47; the registry and this service address citizens in Indonesian. */
    static final String LOCALE = "id-ID";
    /** ISO 3166-1 alpha-2, as OIDC Core §5.1.1 {@code country} recommends. */
    static final String COUNTRY = "ID";

    private StandardClaims() {
    }

    /** @return the scope whose consent covers the claim, empty for claims outside every scope */
    public static Optional<String> scopeCovering(String claim) {
        return CLAIMS_OF_SCOPE.entrySet().stream().filter(scope -> scope.getValue().contains(claim))
                .map(Map.Entry::getKey).findFirst();
    }

    public static Map<String, Object> of(Citizen citizen, Set<String> grantedScopes) {
        Map<String, Object> claims = new LinkedHashMap<>();
        if (grantedScopes.contains("profile")) {
            profile(citizen, claims);
        }
        if (grantedScopes.contains("email") && citizen.email() != null) {
            claims.put("email", citizen.email());
            claims.put("email_verified", citizen.emailVerified());
        }
        if (grantedScopes.contains("phone") && citizen.phoneNumber() != null) {
            claims.put("phone_number", citizen.phoneNumber());
            claims.put("phone_number_verified", citizen.phoneNumberVerified());
        }
        if (grantedScopes.contains("address")) {
            Map<String, Object> address = address(citizen.address());
            if (!address.isEmpty()) {
                claims.put("address", address);
            }
        }
        if (grantedScopes.contains(NIK_SCOPE)) {
            claims.put("nik", citizen.nik().value());
            claims.put("family_card_number", citizen.verification().familyCardNumber());
        }
        return claims;
    }

    private static void profile(Citizen citizen, Map<String, Object> claims) {
        String name = displayName(citizen.fullName());
        claims.put("name", name);
        // Many Indonesians have a single name (mononym): then it is the given name and there is
        // no family name. Otherwise the last word serves as family name, the rest as given names.
        int lastSpace = name.lastIndexOf(' ');
        if (lastSpace < 0) {
            claims.put("given_name", name);
        } else {
            claims.put("given_name", name.substring(0, lastSpace));
            claims.put("family_name", name.substring(lastSpace + 1));
        }
        claims.put("birthdate", citizen.birthDate().format(DateTimeFormatter.ISO_LOCAL_DATE));
        claims.put("gender", citizen.sex().oidcGender());
        claims.put("locale", LOCALE);
    }

    /**
     * The registry prints names in capitals ("SITI RAHAYU"); relying parties show {@code name} to
     * people, so it is released as the name is written: each word capitalised ("Siti Rahayu"),
     * also after a hyphen ("Ayu-Lestari"), not after an apostrophe ("Ma'ruf").
     */
    static String displayName(String registryName) {
        String lower = registryName.strip().replaceAll("\\s+", " ").toLowerCase(Locale.forLanguageTag("id"));
        StringBuilder out = new StringBuilder(lower.length());
        boolean startOfWord = true;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            out.append(startOfWord ? Character.toTitleCase(c) : c);
            startOfWord = c == ' ' || c == '-';
        }
        return out.toString();
    }

    /** OIDC Core §5.1.1 address claim, structured and formatted. */
    private static Map<String, Object> address(Address a) {
        List<String> streetLines = new ArrayList<>();
        addIfPresent(streetLines, a.street());
        if (a.rt() != null && a.rw() != null) {
            streetLines.add("RT " + a.rt() + "/RW " + a.rw());
        }
        List<String> area = new ArrayList<>();
        addIfPresent(area, a.village());
        addIfPresent(area, a.district());
        if (!area.isEmpty()) {
            streetLines.add(String.join(", ", area));
        }
        Map<String, Object> claim = new LinkedHashMap<>();
        if (!streetLines.isEmpty()) {
            claim.put("street_address", String.join("\n", streetLines));
        }
        putIfPresent(claim, "locality", a.regency());
        putIfPresent(claim, "region", a.province());
        putIfPresent(claim, "postal_code", a.postalCode());
        if (claim.isEmpty()) {
            return claim;
        }
        List<String> formatted = new ArrayList<>(streetLines);
        addIfPresent(formatted, a.regency());
        String provinceAndCode = String.join(" ",
                a.province() == null ? "" : a.province(), a.postalCode() == null ? "" : a.postalCode()).trim();
        addIfPresent(formatted, provinceAndCode.isEmpty() ? null : provinceAndCode);
        formatted.add("Indonesia");
        claim.put("country", COUNTRY);
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put("formatted", String.join("\n", formatted));
        ordered.putAll(claim);
        return ordered;
    }

    private static void addIfPresent(List<String> list, String value) {
        if (value != null && !value.isBlank()) {
            list.add(value);
        }
    }

    private static void putIfPresent(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }
}
