package id.satupintu.sdk;

import java.util.function.Function;

/**
 * The authorization response as the redirect URI received it (RFC 6749 §4.1.2, RFC 9207 §2).
 */
public record CallbackParameters(String code, String state, String issuer, String error, String errorDescription) {

    /** @param parameter the request's query parameters by name (null when absent) */
    public static CallbackParameters from(Function<String, String> parameter) {
        return new CallbackParameters(parameter.apply("code"), parameter.apply("state"), parameter.apply("iss"),
                parameter.apply("error"), parameter.apply("error_description"));
    }

    @Override
    public String toString() {
        return "CallbackParameters[error=" + error + "]";
    }
}
