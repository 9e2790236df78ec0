package io.paperpulse.infra.reenrich;

import java.util.Comparator;
import java.util.List;

import io.paperpulse.contracts.EntityType;
import io.paperpulse.contracts.MergedPaper;

/**
 * What the re-enrichment report compares of one stored revision: its entity names, each (type, text) once. A name
 * in both title and abstract is one name, as the gateway counts papers per name; an offset that moved is no change.
 */
public record PaperNames(String id, long rev, String title, int extractorVersion, List<Name> names) {
    private static final Comparator<Name> ORDER = Comparator.comparing(Name::type).thenComparing(Name::text);

    public record Name(EntityType type, String text) {
    }

    public static PaperNames of(MergedPaper paper) {
        List<Name> names = paper.entities() == null ? List.of()
                : paper.entities().stream().map(e -> new Name(e.type(), e.text())).distinct().sorted(ORDER).toList();
        return new PaperNames(paper.id(), paper.rev(), paper.title(), paper.extractorVersion(), names);
    }

    /** How this paper is named in the report: its title, else its id. */
    public String label() {
        return title == null || title.isBlank() ? id : title;
    }
}
