import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import id.satupintu.idp.registry.RegistryRecord;
import id.satupintu.idp.registry.embedded.DemoRegistryRecords;
import id.satupintu.idp.registry.synthetic.GenerationSettings;
import id.satupintu.idp.registry.synthetic.SyntheticRegistry;

/**
 * Writes the enrollment data of living people of the server's synthetic registry to a CSV for
 * {@code EnrollmentLoad}: {@code nik,fullName,birthDate,familyCardNumber}. Generates the registry exactly
 * as the server does (same size, same seed, the demo records beside it), so every line verifies. Runs on
 * the server jar's classes (run-enrollment-bench.sh unpacks them); nothing else is needed.
 *
 * <p>Usage: {@code java -cp SERVER_CLASSES:. ExportEnrollmentRecords SIZE SEED COUNT OUT.csv}
 */
public class ExportEnrollmentRecords {

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: java ExportEnrollmentRecords SIZE SEED COUNT OUT.csv");
            System.exit(2);
        }
        long size = Long.parseLong(args[0]);
        long seed = Long.parseLong(args[1]);
        long count = Long.parseLong(args[2]);
        SyntheticRegistry registry = SyntheticRegistry.generate(GenerationSettings.of(seed, size),
                DemoRegistryRecords.all());
        long written = 0;
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[3]), StandardCharsets.UTF_8)) {
            out.write("# synthetic registry size " + size + ", seed " + seed + ": living people, index order\n");
            for (Iterator<RegistryRecord> it = registry.stream().iterator(); it.hasNext() && written < count; ) {
                RegistryRecord record = it.next();
                if (record.isDeceased()) {
                    continue;
                }
                // names are compared without punctuation, so a comma can safely become a space
                out.write(record.nik().value() + "," + record.fullName().replace(',', ' ') + ","
                        + record.birthDate() + "," + record.familyCardNumber() + "\n");
                written++;
            }
        }
        System.out.println("exported " + written + " records");
    }
}
