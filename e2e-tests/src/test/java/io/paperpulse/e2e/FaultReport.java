package io.paperpulse.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The fault suite's table, one row per scenario, written again to target/fault-report.md as each row comes in. */
final class FaultReport {
    private static final Path FILE = Path.of("target", "fault-report.md");
    private final List<Row> rows = new ArrayList<>();

    /**
     * One scenario's outcome: of its papers, those served with exactly their digest dates (found) and the others
     * (lost); second stream events or changelog revisions of an unchanged paper (duplicated); dead letters in every
     * DLQ; seconds from the fault's end (the part started again) until every expected paper was served.
     */
    record Row(String scenario, long expected, long found, long lost, long duplicated, long deadLettered, double recoverySeconds,
            String notes) {
    }

    synchronized void add(Row row) {
        rows.add(row);
        StringBuilder table = new StringBuilder("# Fault suite (FaultSuiteIT)\n\n")
                .append("| scenario | papers expected | found | lost | duplicated | dead-lettered | time to recover | notes |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Row r : rows) {
            table.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %d | %d | %d | %.1f s | %s |%n", r.scenario(), r.expected(),
                    r.found(), r.lost(), r.duplicated(), r.deadLettered(), r.recoverySeconds(), r.notes()));
        }
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, table, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
