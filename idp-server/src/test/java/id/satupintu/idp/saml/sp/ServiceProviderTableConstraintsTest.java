package id.satupintu.idp.saml.sp;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V8's CHECK constraints in the quickstart's H2 file database, used from a connection opened after
 * the migrating one closed (as a pool does): allowed values pass, the others are refused.
 */
class ServiceProviderTableConstraintsTest {

    @TempDir
    Path dataDir;

    @Test
    void insertWhenValuesAllowedThenStoredAndOtherwiseRefusedByTheTable() throws Exception {
        Files.createDirectories(dataDir.resolve("db"));
        String url = "jdbc:h2:file:" + dataDir.resolve("db/satupintu")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        try (Connection keepsDatabaseOpen = DriverManager.getConnection(url, "sa", "")) {
            Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
            try (Connection later = DriverManager.getConnection(url, "sa", "");
                 Statement sql = later.createStatement()) {
                sql.executeUpdate("insert into agency (id, code, name, created_at) values "
                        + "(random_uuid(), 'v8-check', 'V8', current_timestamp)");

                assertThatCode(() -> sql.executeUpdate(insert("sp-1", "'BOTH'", "null", "null", "null")))
                        .doesNotThrowAnyException();
                assertThatCode(() -> sql.executeUpdate(insert("sp-2", "'ASSERTION'", "'https://sp.example/md'",
                        "'PEM'", "300"))).doesNotThrowAnyException();
                assertThatThrownBy(() -> sql.executeUpdate(insert("sp-3", "'ALL'", "null", "null", "null")))
                        .isInstanceOf(SQLException.class).hasMessageContaining("ck_saml_service_provider_signed_parts");
                assertThatThrownBy(() -> sql.executeUpdate(insert("sp-4", "'BOTH'", "'https://sp.example/md'",
                        "'PEM'", "60"))).isInstanceOf(SQLException.class)
                        .hasMessageContaining("ck_saml_service_provider_refresh");
                assertThatThrownBy(() -> sql.executeUpdate(insert("sp-5", "'BOTH'", "'https://sp.example/md'",
                        "null", "3600"))).isInstanceOf(SQLException.class)
                        .hasMessageContaining("ck_saml_service_provider_url_signer");
                assertThatThrownBy(() -> sql.executeUpdate(insert("sp-1", "'BOTH'", "null", "null", "null")))
                        .isInstanceOf(SQLException.class).hasMessageContaining("uq_saml_service_provider_entity_id");
            }
        }
    }

    private static String insert(String entityId, String signedParts, String url, String signer, String refresh) {
        return "insert into saml_service_provider (id, agency_id, entity_id, display_name, metadata_xml, metadata_url,"
                + " metadata_signing_certificate, metadata_refresh_seconds, scopes, signed_parts, encrypt_assertions,"
                + " require_signed_requests, idp_initiated_allowed, created_at, updated_at) values (random_uuid(),"
                + " (select id from agency where code = 'v8-check'), '" + entityId + "', 'SP', '<x/>', " + url + ", "
                + signer + ", " + refresh + ", 'profile', " + signedParts + ", true, false, false, current_timestamp,"
                + " current_timestamp)";
    }
}
