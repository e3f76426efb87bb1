/**
 * Which claims a relying party receives (OIDC Core §5.4, §5.5; OpenID Connect for Identity
 * Assurance 1.0).
 *
 * <p>One rule: a claim is released only when the scope covering it
 * ({@link id.satupintu.idp.citizen.StandardClaims#CLAIMS_OF_SCOPE}: profile, email, phone, address,
 * nik) is among the token's scopes and still registered for the client. The token's scopes are
 * those the citizen consented to, so consent and the administrator's grant both bound every release.
 * The {@code claims} parameter ({@link id.satupintu.idp.oidc.claims.ClaimsRequest}) selects within
 * that: {@code userinfo} keeps the scope claims and may add {@code verified_claims}; {@code id_token}
 * names the claims the ID token carries. {@code essential} is advisory (§5.5.1); {@code value} and
 * {@code values} filter a claim; {@code acr} requested here is not enforced (the {@code acr} claim
 * reports the level reached; step-up is not implemented).
 *
 * <p>{@code verified_claims} ({@link id.satupintu.idp.oidc.claims.VerifiedClaimsAssembler}) need
 * consent to {@code profile}; inside them, {@code address} and {@code nik}/{@code family_card_number}
 * also need their own scopes. Trust framework {@code id_dukcapil}
 * ({@link id.satupintu.idp.oidc.claims.RegistryTrustFramework}). {@code nationalities} is not
 * offered: the account does not record citizenship (foreign residents also hold a NIK), and
 * inferring it would assert something the registry record behind the account does not say.
 *
 * <p>Every release of the NIK or family card number is audited ({@code claims.nik_released}) with
 * the masked NIK only.
 */
package id.satupintu.idp.oidc.claims;
