package io.paperpulse.infra.reenrich;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.paperpulse.contracts.EntityType;

/**
 * What a re-enrichment changed over the papers stored before it. Names are counted once per paper and name.
 *
 * @param version the extractor version re-enriched with
 * @param compared papers in the snapshot taken before the restart
 * @param reenriched of those, papers whose latest revision has {@code version} (or newer)
 * @param changed of those, papers whose names differ from the snapshot's
 * @param pending papers of the snapshot still below {@code version}: not compared yet
 * @param arrived papers stored since the snapshot, not compared
 * @param types the types with a name added or removed, in {@link EntityType} order
 */
public record Report(int version, int compared, int reenriched, int changed, int pending, int arrived, List<TypeChange> types) {
    private static final int TITLE_CHARS = 60;

    /** Names of one type added and removed, counted over every paper, with examples from the first few papers by title. */
    public record TypeChange(EntityType type, int added, int removed, List<Example> addedIn, List<Example> removedFrom) {
    }

    /** A paper and the names of one type it gained or lost. */
    public record Example(String title, List<String> names) {
    }

    /** The report as {@code paperpulse reenrich} prints it. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("re-enrichment with extractor version %d: %d paper(s) compared with the snapshot before the restart",
                version, compared));
        lines.add(String.format("  %d re-enriched (%d changed, %d unchanged), %d pending (still below version %d)",
                reenriched, changed, reenriched - changed, pending, version));
        if (arrived > 0) {
            lines.add(String.format("  %d paper(s) stored since the snapshot, not compared", arrived));
        }
        if (types.isEmpty()) {
            lines.add("  no entity added or removed");
        }
        for (TypeChange change : types) {
            lines.add(String.format("  %s: %d added, %d removed", change.type(), change.added(), change.removed()));
            change.addedIn().forEach(e -> lines.add("    + " + describe(e)));
            change.removedFrom().forEach(e -> lines.add("    - " + describe(e)));
        }
        return lines;
    }

    private static String describe(Example example) {
        String title = example.title().length() > TITLE_CHARS ? example.title().substring(0, TITLE_CHARS - 1) + "…" : example.title();
        return title + ": " + example.names().stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", "));
    }
}
