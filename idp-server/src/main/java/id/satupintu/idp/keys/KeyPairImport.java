package id.satupintu.idp.keys;

import java.security.KeyPair;

/** Stores an existing key pair in a back end under a given kid (the quickstart's keys moving into the ring). */
@FunctionalInterface
public interface KeyPairImport {

    void importKey(String kid, KeyPair pair);
}
