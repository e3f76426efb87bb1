package id.satupintu.keys.cli;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import id.satupintu.keys.KeyPurpose;
import id.satupintu.keys.KeyState;
import id.satupintu.keys.ManagedKey;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The key ring as a table; destroyed keys only with --all. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List keys: kid, purpose, algorithm/size, state, back end, dates and certificate expiry (UTC).")
final class ListCommand extends Subcommand {

    private static final String FORMAT = "%-66s %-16s %-17s %-9s %-9s %-20s %-20s %-20s %s%n";

    @Option(names = "--purpose", description = "only keys for ${COMPLETION-CANDIDATES}")
    KeyPurpose purpose;

    @Option(names = "--all", description = "include destroyed keys")
    boolean all;

    @Override
    void run() {
        List<ManagedKey> keys = session().store().all().stream()
                .filter(k -> purpose == null || k.purpose() == purpose)
                .filter(k -> all || k.state() != KeyState.DESTROYED)
                .toList();
        out().printf(FORMAT, "KID", "PURPOSE", "ALG/SIZE", "STATE", "BACKEND", "CREATED", "ACTIVATED", "RETIRED",
                "CERTIFICATE UNTIL");
        for (ManagedKey key : keys) {
            out().printf(FORMAT, key.kid(), key.purpose(), key.spec().algorithm().joseName() + "/" + key.spec().size(),
                    key.state(), key.backend(), date(key.createdAt()), date(key.activatedAt()), date(key.retiredAt()),
                    key.certificateChain().isEmpty() ? "-" : date(key.certificateChain().get(0).getNotAfter().toInstant()));
        }
    }

    private static String date(Instant instant) {
        return instant == null ? "-" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
