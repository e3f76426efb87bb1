package id.satupintu.idp.oidc.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.HashMap;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;

class AuthorizationSerializerTest {

    private final AuthorizationSerializer serializer = new AuthorizationSerializer();
    private final AuthorizationHasher hasher = new AuthorizationHasher();

    @Test
    void deserializeWhenSerializedHashedGrantThenEqualAuthorization() {
        OAuth2Authorization hashed = hasher.hash(TestAuthorizations.exchanged(
                TestAuthorizations.withCode(TestRegisteredClients.relyingParty(), TestAuthorizations.citizen())))
                .authorization();

        byte[] bytes = serializer.serialize(hashed);

        assertThat(serializer.deserialize(bytes)).contains(hashed);
    }

    @Test
    void deserializeWhenClientCredentialsThenEqualAuthorization() {
        OAuth2Authorization hashed = hasher.hash(TestAuthorizations.clientCredentials(TestRegisteredClients.service()))
                .authorization();

        assertThat(serializer.deserialize(serializer.serialize(hashed))).contains(hashed);
    }

    @Test
    void deserializeWhenClassOutsideAllowListThenAbsent() throws IOException {
        // a tampered record smuggling a class the filter does not allow
        HashMap<String, Object> smuggled = new HashMap<>();
        smuggled.put("file", new File("/etc/passwd"));

        assertThat(serializer.deserialize(javaSerialize(smuggled))).isEmpty();
    }

    @Test
    void deserializeWhenAllowedButNotAnAuthorizationThenAbsent() throws IOException {
        assertThat(serializer.deserialize(javaSerialize("just a string"))).isEmpty();
    }

    @Test
    void deserializeWhenCorruptBytesThenAbsent() {
        assertThat(serializer.deserialize(new byte[] {1, 2, 3, 4})).isEmpty();
        assertThat(serializer.deserialize(new byte[0])).isEmpty();
    }

    @Test
    void serializeWhenAttributeNotSerializableThenFailsNaming() {
        OAuth2Authorization withBadAttribute = OAuth2Authorization.from(
                        TestAuthorizations.clientCredentials(TestRegisteredClients.service()))
                .attribute("not-serializable", new Object())
                .build();

        assertThatThrownBy(() -> serializer.serialize(withBadAttribute)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(withBadAttribute.getId());
    }

    private static byte[] javaSerialize(Serializable object) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        }
        return bytes.toByteArray();
    }
}
