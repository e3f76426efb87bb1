package id.satupintu.idp.oidc.claims;

/** {@code claims} parameter values (OIDC Core §5.5, OIDC4IDA) the claims tests share. */
final class TestClaimsRequests {

    static final String USERINFO_EMAIL_ESSENTIAL = "{\"userinfo\":{\"email\":{\"essential\":true}}}";
    static final String ID_TOKEN_NAME_AND_NIK = "{\"id_token\":{\"name\":null,\"nik\":null}}";
    static final String VERIFIED_IN_USERINFO = """
            {"userinfo":{"verified_claims":{"verification":{"trust_framework":null,"time":null,"evidence":null},
             "claims":{"given_name":null,"family_name":null,"birthdate":null,"address":null,"nik":null}}}}""";
    static final String VERIFIED_IN_ID_TOKEN = """
            {"id_token":{"verified_claims":{"verification":{"trust_framework":{"value":"id_dukcapil"}},
             "claims":{"given_name":null,"birthdate":null}}}}""";
    static final String VERIFIED_OTHER_FRAMEWORK = """
            {"userinfo":{"verified_claims":{"verification":{"trust_framework":{"value":"de_aml"}},
             "claims":{"given_name":null}}}}""";

    private TestClaimsRequests() {
    }
}
