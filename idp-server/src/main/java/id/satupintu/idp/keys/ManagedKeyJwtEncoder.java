package id.satupintu.idp.keys;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import id.satupintu.keys.KeyAlgorithm;
import id.satupintu.keys.UnsupportedKeyException;
import id.satupintu.keys.jca.JwsSigners;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtEncodingException;
import org.springframework.security.oauth2.jwt.JwsHeader;

/**
 * The {@link JwtEncoder} Spring Authorization Server signs every token with (it uses a
 * {@code JwtEncoder} bean when there is one; Spring Authorization Server reference,
 * "Configuration Model"): the ACTIVE key of the header's {@code alg} from this node's snapshot,
 * signed by {@link JwsSigners} on the fastest JCA provider, or the HSM's own provider for a
 * hardware-bound key that Nimbus JWKs cannot carry. The header gets the key's {@code kid}
 * (RFC 7515 §4.1.4); header and claims are converted to JOSE exactly as Spring's
 * {@code NimbusJwtEncoder} converts them.
 */
public final class ManagedKeyJwtEncoder implements JwtEncoder {

    private final KeyRingCache cache;

    public ManagedKeyJwtEncoder(KeyRingCache cache) {
        this.cache = cache;
    }

    @Override
    public Jwt encode(JwtEncoderParameters parameters) {
        JwsHeader requested = parameters.getJwsHeader() != null ? parameters.getJwsHeader()
                : JwsHeader.with(SignatureAlgorithm.RS256).build();
        ActiveSigner active = signerFor(requested);
        JwsHeader header = JwsHeader.from(requested).keyId(active.key().kid()).build();
        JwtClaimsSet claims = parameters.getClaims();
        SignedJWT jwt = new SignedJWT(jose(header, active.key().spec().algorithm()), jose(claims));
        try {
            jwt.sign(active.signer());
        } catch (JOSEException e) {
            throw new JwtEncodingException("An error occurred while attempting to encode the Jwt: signing with key "
                    + active.key().kid() + " failed", e);
        }
        return Jwt.withTokenValue(jwt.serialize())
                .headers(h -> h.putAll(header.getHeaders()))
                .claims(c -> c.putAll(claims.getClaims()))
                .build();
    }

    private ActiveSigner signerFor(JwsHeader header) {
        KeyAlgorithm algorithm;
        try {
            algorithm = KeyAlgorithm.fromJoseName(header.getAlgorithm().getName());
        } catch (UnsupportedKeyException e) {
            throw new JwtEncodingException("An error occurred while attempting to encode the Jwt: " + e.getMessage());
        }
        ActiveSigner signer = cache.current().signer(algorithm);
        if (signer == null || (header.getKeyId() != null && !header.getKeyId().equals(signer.key().kid()))) {
            throw new JwtEncodingException("An error occurred while attempting to encode the Jwt: no active "
                    + algorithm.joseName() + " signing key" + (header.getKeyId() == null ? "" : " with kid " + header.getKeyId()));
        }
        return signer;
    }

    private static JWSHeader jose(JwsHeader header, KeyAlgorithm algorithm) {
        JWSHeader.Builder builder = new JWSHeader.Builder(JwsSigners.jws(algorithm)).keyID(header.getKeyId());
        if (header.getType() != null) {
            builder.type(new JOSEObjectType(header.getType()));
        }
        if (header.getContentType() != null) {
            builder.contentType(header.getContentType());
        }
        Map<String, Object> custom = header.getHeaders().entrySet().stream()
                .filter(h -> !JWSHeader.getRegisteredParameterNames().contains(h.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        if (!custom.isEmpty()) {
            builder.customParams(custom);
        }
        return builder.build();
    }

    private static JWTClaimsSet jose(JwtClaimsSet claims) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
        Object issuer = claims.getClaim(JwtClaimNames.ISS);
        if (issuer != null) {
            builder.issuer(issuer.toString());
        }
        if (claims.getSubject() != null && !claims.getSubject().isEmpty()) {
            builder.subject(claims.getSubject());
        }
        List<String> audience = claims.getAudience();
        if (audience != null && !audience.isEmpty()) {
            builder.audience(audience);
        }
        if (claims.getExpiresAt() != null) {
            builder.expirationTime(Date.from(claims.getExpiresAt()));
        }
        if (claims.getNotBefore() != null) {
            builder.notBeforeTime(Date.from(claims.getNotBefore()));
        }
        if (claims.getIssuedAt() != null) {
            builder.issueTime(Date.from(claims.getIssuedAt()));
        }
        if (claims.getId() != null && !claims.getId().isEmpty()) {
            builder.jwtID(claims.getId());
        }
        claims.getClaims().forEach((name, value) -> {
            if (!JWTClaimsSet.getRegisteredNames().contains(name)) {
                builder.claim(name, value);
            }
        });
        return builder.build();
    }
}
