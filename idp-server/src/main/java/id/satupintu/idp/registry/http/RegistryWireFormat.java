package id.satupintu.idp.registry.http;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import id.satupintu.idp.registry.Citizenship;
import id.satupintu.idp.registry.EnrollmentAttributes;
import id.satupintu.idp.registry.InvalidNikException;
import id.satupintu.idp.registry.MaritalStatus;
import id.satupintu.idp.registry.Nik;
import id.satupintu.idp.registry.RegistryAddress;
import id.satupintu.idp.registry.RegistryRecord;
import id.satupintu.idp.registry.Religion;
import id.satupintu.idp.registry.Sex;
import id.satupintu.idp.registry.VerificationOutcome;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of the registry API ({@code registry/registry-api.yaml}), both ways. Parsing is strict:
 * every required member must be present with the documented type, enumerations must hold a known
 * value, dates are ISO 8601 ({@code 2026-01-31}, {@code 2026-01-31T03:00:00Z}), a member may appear
 * once, and nothing may follow the document. Unknown members are ignored so the registry can add
 * fields without breaking SatuPintu. Every violation is a {@link MalformedRegistryMessageException}
 * naming the member, never echoing its value.
 */
public final class RegistryWireFormat {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    public static final String VERIFIED = "VERIFIED";
    public static final String NOT_MATCHED = "NOT_MATCHED";
    public static final String DECEASED = "DECEASED";

    private RegistryWireFormat() {
    }

    // ---- reading ----

    public static RegistryRecord parseRecord(byte[] body) {
        return record(tree(body));
    }

    public static VerificationOutcome parseOutcome(byte[] body) {
        JsonNode root = tree(body);
        String outcome = requiredString(root, "outcome");
        return switch (outcome) {
            case VERIFIED -> new VerificationOutcome.Verified(record(requiredObject(root, "record")));
            case NOT_MATCHED -> new VerificationOutcome.NotMatched();
            case DECEASED -> new VerificationOutcome.Deceased();
            default -> throw new MalformedRegistryMessageException("unknown value of 'outcome'");
        };
    }

    public static EnrollmentAttributes parseVerificationRequest(byte[] body) {
        JsonNode root = tree(body);
        return new EnrollmentAttributes(nik(root, "nik"), requiredString(root, "fullName"),
                date(root, "birthDate"), requiredString(root, "familyCardNumber"));
    }

    /** Parses any JSON object, e.g. a webhook event's payload that was already decoded. */
    public static JsonNode tree(byte[] body) {
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || !root.isObject()) {
                throw new MalformedRegistryMessageException("the body is not a JSON object");
            }
            return root;
        } catch (JacksonException e) {
            throw new MalformedRegistryMessageException("the body is not well-formed JSON");
        }
    }

    public static RegistryRecord record(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new MalformedRegistryMessageException("the record is not a JSON object");
        }
        JsonNode version = node.get("version");
        if (version == null || !version.isIntegralNumber() || !version.canConvertToLong() || version.longValue() < 1) {
            throw new MalformedRegistryMessageException("'version' is not a positive integer");
        }
        try {
            return new RegistryRecord(nik(node, "nik"), digits(node, "familyCardNumber", 16),
                    requiredString(node, "fullName"), optionalString(node, "birthPlace"), date(node, "birthDate"),
                    enumValue(node, "sex", Sex.class, true), address(requiredObject(node, "address")),
                    enumValue(node, "religion", Religion.class, false),
                    enumValue(node, "maritalStatus", MaritalStatus.class, false), optionalString(node, "occupation"),
                    enumValue(node, "citizenship", Citizenship.class, true), optionalDate(node, "dateOfDeath"),
                    version.longValue(), instant(node, "updatedAt"));
        } catch (NullPointerException e) {
            throw new MalformedRegistryMessageException("a required member of the record is missing", e);
        }
    }

    private static RegistryAddress address(JsonNode node) {
        return new RegistryAddress(optionalString(node, "street"), optionalString(node, "rt"),
                optionalString(node, "rw"), optionalString(node, "villageCode"), optionalString(node, "villageName"),
                optionalString(node, "districtCode"), optionalString(node, "districtName"),
                optionalString(node, "regencyCode"), optionalString(node, "regencyName"),
                optionalString(node, "provinceCode"), optionalString(node, "provinceName"),
                optionalString(node, "postalCode"));
    }

    private static Nik nik(JsonNode node, String name) {
        try {
            return Nik.parse(requiredString(node, name));
        } catch (InvalidNikException e) {
            throw new MalformedRegistryMessageException("'" + name + "' is not a valid NIK");
        }
    }

    private static String digits(JsonNode node, String name, int length) {
        String value = requiredString(node, name);
        if (value.length() != length || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new MalformedRegistryMessageException("'" + name + "' is not " + length + " digits");
        }
        return value;
    }

    private static JsonNode requiredObject(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isObject()) {
            throw new MalformedRegistryMessageException("'" + name + "' is missing or not an object");
        }
        return value;
    }

    public static String requiredString(JsonNode node, String name) {
        String value = optionalString(node, name);
        if (value == null || value.isBlank()) {
            throw new MalformedRegistryMessageException("'" + name + "' is missing or empty");
        }
        return value;
    }

    private static String optionalString(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new MalformedRegistryMessageException("'" + name + "' is not a string");
        }
        return value.stringValue();
    }

    private static <E extends Enum<E>> E enumValue(JsonNode node, String name, Class<E> type, boolean required) {
        String value = required ? requiredString(node, name) : optionalString(node, name);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new MalformedRegistryMessageException("unknown value of '" + name + "'");
        }
    }

    private static LocalDate date(JsonNode node, String name) {
        return parseDate(requiredString(node, name), name);
    }

    private static LocalDate optionalDate(JsonNode node, String name) {
        String value = optionalString(node, name);
        return value == null ? null : parseDate(value, name);
    }

    private static LocalDate parseDate(String value, String name) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new MalformedRegistryMessageException("'" + name + "' is not an ISO 8601 date");
        }
    }

    public static Instant instant(JsonNode node, String name) {
        try {
            return Instant.parse(requiredString(node, name));
        } catch (DateTimeParseException e) {
            throw new MalformedRegistryMessageException("'" + name + "' is not an ISO 8601 instant");
        }
    }

    // ---- writing ----

    public static byte[] writeRecord(RegistryRecord record) {
        return JSON.writeValueAsBytes(recordNode(record));
    }

    public static byte[] writeOutcome(VerificationOutcome outcome) {
        ObjectNode root = JSON.createObjectNode();
        if (outcome instanceof VerificationOutcome.Verified verified) {
            root.put("outcome", VERIFIED);
            root.set("record", recordNode(verified.record()));
        } else if (outcome instanceof VerificationOutcome.Deceased) {
            root.put("outcome", DECEASED);
        } else {
            root.put("outcome", NOT_MATCHED);
        }
        return JSON.writeValueAsBytes(root);
    }

    public static byte[] writeVerificationRequest(EnrollmentAttributes submitted) {
        ObjectNode root = JSON.createObjectNode();
        root.put("nik", submitted.nik().value());
        root.put("fullName", submitted.fullName());
        root.put("birthDate", submitted.birthDate().toString());
        root.put("familyCardNumber", submitted.familyCardNumber());
        return JSON.writeValueAsBytes(root);
    }

    /** An RFC 9457 problem details body. */
    public static byte[] writeProblem(int status, String title) {
        ObjectNode root = JSON.createObjectNode();
        root.put("type", "about:blank");
        root.put("title", title);
        root.put("status", status);
        return JSON.writeValueAsBytes(root);
    }

    public static ObjectNode recordNode(RegistryRecord record) {
        ObjectNode node = JSON.createObjectNode();
        node.put("nik", record.nik().value());
        node.put("familyCardNumber", record.familyCardNumber());
        node.put("fullName", record.fullName());
        node.put("birthPlace", record.birthPlace());
        node.put("birthDate", record.birthDate().toString());
        node.put("sex", record.sex().name());
        RegistryAddress a = record.address();
        ObjectNode address = node.putObject("address");
        address.put("street", a.street());
        address.put("rt", a.rt());
        address.put("rw", a.rw());
        address.put("villageCode", a.villageCode());
        address.put("villageName", a.villageName());
        address.put("districtCode", a.districtCode());
        address.put("districtName", a.districtName());
        address.put("regencyCode", a.regencyCode());
        address.put("regencyName", a.regencyName());
        address.put("provinceCode", a.provinceCode());
        address.put("provinceName", a.provinceName());
        address.put("postalCode", a.postalCode());
        node.put("religion", record.religion() == null ? null : record.religion().name());
        node.put("maritalStatus", record.maritalStatus() == null ? null : record.maritalStatus().name());
        node.put("occupation", record.occupation());
        node.put("citizenship", record.citizenship().name());
        node.put("dateOfDeath", record.dateOfDeath() == null ? null : record.dateOfDeath().toString());
        node.put("version", record.version());
        node.put("updatedAt", record.updatedAt().toString());
        return node;
    }

    public static ObjectNode newObject() {
        return JSON.createObjectNode();
    }

    public static JsonNode fromMap(java.util.Map<String, Object> map) {
        return JSON.valueToTree(map);
    }

    public static java.util.Map<String, Object> toMap(JsonNode node) {
        return JSON.convertValue(node, new tools.jackson.core.type.TypeReference<java.util.Map<String, Object>>() {
        });
    }
}
