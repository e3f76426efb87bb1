package id.satupintu.idp.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class KeysPropertiesBindingTest {

    private static KeysProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("satupintu.keys",
                KeysProperties.class);
    }

    @Test
    void bindWhenNoPreviousKeksThenEmptyAndDefaultsApply() {
        KeysProperties keys = bind(Map.of());

        assertThat(keys.previousKekFiles()).isEmpty();
        assertThat(keys.oidcKeyAlgorithms()).extracting(Enum::name).containsExactly("RS256", "PS256", "ES256");
    }

    @Test
    void bindWhenPreviousKekFilesListedThenAllKeptInOrder() {
        KeysProperties keys = bind(Map.of("satupintu.keys.previous-kek-files", "/etc/satupintu/kek-2025,/etc/satupintu/kek-2024"));

        assertThat(keys.previousKekFiles()).containsExactly(Path.of("/etc/satupintu/kek-2025"),
                Path.of("/etc/satupintu/kek-2024"));
    }
}
