package id.satupintu.sdk;

/**
 * A validated back-channel logout token (OpenID Connect Back-Channel Logout 1.0 §2.4): end the
 * application sessions of this provider session ({@code sid}) or, when {@code sid} is null, of
 * this citizen ({@code subject}). At least one is present.
 */
public record LogoutNotice(String subject, String sid) {
}
