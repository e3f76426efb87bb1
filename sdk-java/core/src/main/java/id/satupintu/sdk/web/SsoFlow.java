package id.satupintu.sdk.web;

import id.satupintu.sdk.SatuPintuClient;

/**
 * Sign-on for a web application, framework-free; the adapters' filters call {@link #handle} for every
 * request. It answers the callback, logout, back-channel logout and front-channel logout paths itself,
 * sends unauthenticated browsers on protected paths to the provider (API-style requests get 401),
 * refreshes an expiring access token, and otherwise lets the request through with the citizen.
 */
public final class SsoFlow {

    /** The request attribute holding the signed-in {@link id.satupintu.sdk.Citizen}. */
    public static final String CITIZEN_ATTRIBUTE = "id.satupintu.sdk.Citizen";
    /** The request attribute holding the citizen's claims as an unmodifiable {@code Map<String, Object>}. */
    public static final String CLAIMS_ATTRIBUTE = "id.satupintu.sdk.claims";

    public SsoFlow(SatuPintuClient client, LoginRepository logins) {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    public FlowResult handle(WebExchange exchange) {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }
}
