package id.satupintu.idp.keys;

import com.nimbusds.jose.JWSSigner;
import id.satupintu.keys.ManagedKey;

/** An ACTIVE key with its signer, made once per change of the ring (thread-safe, see {@code JwsSigners}). */
public record ActiveSigner(ManagedKey key, JWSSigner signer) {
}
