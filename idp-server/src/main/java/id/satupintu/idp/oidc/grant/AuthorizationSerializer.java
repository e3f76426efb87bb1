package id.satupintu.idp.oidc.grant;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;

/**
 * Turns a hashed authorization into bytes and back.
 *
 * <p>Why Java serialization: {@code OAuth2Authorization} and everything Spring and this server put in
 * it (authorization request, principal, token metadata and claims) are {@code Serializable}, so the
 * stored form is exact without a hand-kept mapping for each attribute type; Spring Security pins the
 * {@code serialVersionUID} of these classes within a major line. Why it is safe: the bytes are only
 * ever written by this class into our own Redis and database, and reading them goes through an
 * {@link ObjectInputFilter} allow-list (JEP 290) limited to JDK value types, Spring Security and this
 * server's packages, with depth and size limits, so no gadget class can be instantiated even from
 * tampered bytes.
 *
 * <p>A record that can no longer be read (a class changed incompatibly across an upgrade, or the
 * filter refused it) reads as absent: the client gets {@code invalid_grant} and signs the citizen in
 * again, which is the safe outcome.
 */
public final class AuthorizationSerializer {

    private static final Logger LOG = LoggerFactory.getLogger(AuthorizationSerializer.class);

    /** Allow-list; anything not matched is rejected by the final {@code !*}. */
    private static final ObjectInputFilter ALLOW_LIST = ObjectInputFilter.Config.createFilter(String.join(";",
            "maxdepth=32", "maxrefs=10000", "maxbytes=1048576", "maxarray=100000",
            "java.lang.*", "java.util.*", "java.time.*", "java.net.URL", "java.net.URI",
            "org.springframework.security.**", "id.satupintu.**",
            "!*"));

    /**
     * The allow-list, naming the refused class in the log: whoever adds an attribute of a new type to
     * an authorization learns here why it no longer loads.
     */
    static final ObjectInputFilter FILTER = info -> {
        ObjectInputFilter.Status status = ALLOW_LIST.checkInput(info);
        if (status == ObjectInputFilter.Status.REJECTED && info.serialClass() != null) {
            LOG.warn("class {} refused by the stored-authorization allow-list", info.serialClass().getName());
        }
        return status;
    };

    public byte[] serialize(OAuth2Authorization hashedAuthorization) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(hashedAuthorization);
        } catch (IOException e) {
            // an attribute that is not Serializable is a programming error in whoever added it
            throw new UncheckedIOException("authorization " + hashedAuthorization.getId() + " is not serializable", e);
        }
        return bytes.toByteArray();
    }

    public Optional<OAuth2Authorization> deserialize(byte[] stored) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stored))) {
            in.setObjectInputFilter(FILTER);
            return Optional.of((OAuth2Authorization) in.readObject());
        } catch (InvalidClassException | ClassNotFoundException | ClassCastException e) {
            LOG.warn("stored authorization unreadable, treated as absent: {}", e.toString());
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("stored authorization corrupt, treated as absent: {}", e.toString());
            return Optional.empty();
        }
    }
}
