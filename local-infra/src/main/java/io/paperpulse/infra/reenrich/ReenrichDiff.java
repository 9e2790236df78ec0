package io.paperpulse.infra.reenrich;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.paperpulse.contracts.EntityType;
import io.paperpulse.infra.reenrich.PaperNames.Name;
import io.paperpulse.infra.reenrich.Report.Example;
import io.paperpulse.infra.reenrich.Report.TypeChange;

/** Compares the papers' names before a re-enrichment with their latest revisions: a pure function of the two. */
final class ReenrichDiff {
    /** Examples per type and direction: this many papers, each with at most {@link #NAMES_PER_EXAMPLE} names. */
    static final int EXAMPLE_PAPERS = 3;
    static final int NAMES_PER_EXAMPLE = 4;
    private static final Comparator<PaperNames> BY_TITLE = Comparator.comparing(PaperNames::label).thenComparing(PaperNames::id);

    private ReenrichDiff() {
    }

    static Report compare(Map<String, PaperNames> before, Map<String, PaperNames> now, int version) {
        Map<EntityType, Tally> added = new EnumMap<>(EntityType.class);
        Map<EntityType, Tally> removed = new EnumMap<>(EntityType.class);
        int reenriched = 0;
        int changed = 0;
        for (PaperNames old : before.values().stream().sorted(BY_TITLE).toList()) {
            PaperNames latest = now.get(old.id());
            if (latest == null || latest.extractorVersion() < version) {
                continue;
            }
            reenriched++;
            Set<Name> was = Set.copyOf(old.names());
            Set<Name> is = Set.copyOf(latest.names());
            if (!was.equals(is)) {
                changed++;
                tally(latest, latest.names().stream().filter(n -> !was.contains(n)).toList(), added);
                tally(latest, old.names().stream().filter(n -> !is.contains(n)).toList(), removed);
            }
        }
        int arrived = (int) now.keySet().stream().filter(id -> !before.containsKey(id)).count();
        List<TypeChange> types = new ArrayList<>();
        for (EntityType type : EntityType.values()) {
            Tally plus = added.getOrDefault(type, new Tally());
            Tally minus = removed.getOrDefault(type, new Tally());
            if (plus.count + minus.count > 0) {
                types.add(new TypeChange(type, plus.count, minus.count, List.copyOf(plus.examples), List.copyOf(minus.examples)));
            }
        }
        return new Report(version, before.size(), reenriched, changed, before.size() - reenriched, arrived, List.copyOf(types));
    }

    /** Counts {@code names} by type; papers come in title order, so the examples are the first papers by title. */
    private static void tally(PaperNames paper, List<Name> names, Map<EntityType, Tally> tallies) {
        for (EntityType type : EntityType.values()) {
            List<String> ofType = names.stream().filter(n -> n.type() == type).map(Name::text).toList();
            if (!ofType.isEmpty()) {
                Tally tally = tallies.computeIfAbsent(type, t -> new Tally());
                tally.count += ofType.size();
                if (tally.examples.size() < EXAMPLE_PAPERS) {
                    tally.examples.add(new Example(paper.label(), List.copyOf(ofType.subList(0, Math.min(NAMES_PER_EXAMPLE, ofType.size())))));
                }
            }
        }
    }

    private static final class Tally {
        private int count;
        private final List<Example> examples = new ArrayList<>();
    }
}
