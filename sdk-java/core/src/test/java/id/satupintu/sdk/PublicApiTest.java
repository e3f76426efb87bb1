package id.satupintu.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.sdk.token.AccessTokenVerifier;
import id.satupintu.sdk.token.VerifiedAccessToken;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The design rule "Nimbus only in the core and never in its public API", checked by reflection. */
class PublicApiTest {

    private static final List<Class<?>> PUBLIC_CLASSES = List.of(SatuPintuConfig.class, SatuPintuClient.class,
            Login.class, PendingLogin.class, LoginStart.class, CallbackParameters.class, Claims.class, Citizen.class,
            LogoutNotice.class, ReplayCache.class, Failure.class, SatuPintuException.class, ProviderMetadata.class,
            ClientAuthentication.class, ClientAuthentication.ClientSecret.class, ClientAuthentication.PrivateKeyJwt.class,
            AccessTokenVerifier.class, VerifiedAccessToken.class);

    @Test
    void publicSignaturesWhenInspectedThenNoNimbusOrInternalType() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : PUBLIC_CLASSES) {
            Stream.concat(Stream.of(type.getDeclaredMethods()), Stream.of(type.getDeclaredConstructors()))
                    .filter(member -> Modifier.isPublic(member.getModifiers()) || Modifier.isProtected(member.getModifiers()))
                    .forEach(member -> check(type, member, leaks));
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isPublic(field.getModifiers())) {
                    collect(type.getSimpleName() + "." + field.getName(), field.getGenericType(), leaks);
                }
            }
            collect(type.getSimpleName() + " supertype", type.getGenericSuperclass(), leaks);
            for (Type implemented : type.getGenericInterfaces()) {
                collect(type.getSimpleName() + " interface", implemented, leaks);
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void checkWhenSignatureHasNimbusTypeThenReported() throws Exception {
        List<String> leaks = new ArrayList<>();
        Method leaky = Leaky.class.getDeclaredMethod("claims", List.class);

        check(Leaky.class, leaky, leaks);

        assertThat(leaks).hasSize(2);
    }

    /** A class that breaks the rule, to show the check can fail. */
    static final class Leaky {
        public com.nimbusds.jwt.JWTClaimsSet claims(List<com.nimbusds.jose.jwk.JWK> keys) {
            return null;
        }
    }

    private static void check(Class<?> owner, Executable member, List<String> leaks) {
        String name = owner.getSimpleName() + "." + member.getName();
        if (member instanceof Method method) {
            collect(name + " return", method.getGenericReturnType(), leaks);
        }
        for (Type parameter : member.getGenericParameterTypes()) {
            collect(name + " parameter", parameter, leaks);
        }
        for (Type thrown : member.getGenericExceptionTypes()) {
            collect(name + " throws", thrown, leaks);
        }
    }

    private static void collect(String where, Type type, List<String> leaks) {
        if (type == null) {
            return;
        }
        if (type instanceof Class<?> raw) {
            Class<?> component = raw;
            while (component.isArray()) {
                component = component.getComponentType();
            }
            String typeName = component.getName();
            if (typeName.startsWith("com.nimbusds.") || typeName.startsWith("id.satupintu.sdk.internal.")) {
                leaks.add(where + ": " + typeName);
            }
        } else if (type instanceof ParameterizedType parameterized) {
            collect(where, parameterized.getRawType(), leaks);
            for (Type argument : parameterized.getActualTypeArguments()) {
                collect(where, argument, leaks);
            }
        } else if (type instanceof WildcardType wildcard) {
            Stream.concat(Stream.of(wildcard.getUpperBounds()), Stream.of(wildcard.getLowerBounds()))
                    .forEach(bound -> collect(where, bound, leaks));
        }
    }
}
