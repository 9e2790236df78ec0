package io.paperpulse.search;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.paperpulse.contracts.Entity;
import io.paperpulse.contracts.EntityType;
import io.paperpulse.contracts.MergedPaper;
import io.paperpulse.contracts.MergedPaper.Sighting;
import io.paperpulse.contracts.TextStats;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Papers and {@code GET /papers} filters drawn from one small vocabulary, so that filters often match: for the
 * property tests that a paper matches a filter exactly when a search with it returns the paper. The words mix case,
 * accents and hyphens, where folding could go wrong.
 */
public final class RandomPapers {
    public static final List<String> WORDS = List.of("graph", "Neural", "pre-trained", "Café", "vision", "transformer",
            "diffusion", "GPT-4", "retrieval", "sparse", "Über", "robust");
    public static final List<String> NAMES = List.of("BERT", "bert", "ResNet-50", "ImageNet", "PyTorch", "OpenAI",
            "question answering", "Café Net");
    public static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 1);
    private static final int DAYS = 6;
    /** A blank parameter is not applied, as an absent one. */
    private static final String ABSENT = "";

    private RandomPapers() {
    }

    /** Papers with distinct ids. */
    public static Arbitrary<List<MergedPaper>> papers(int min, int max) {
        return paper().list().ofMinSize(min).ofMaxSize(max).map(RandomPapers::numbered);
    }

    public static Arbitrary<MergedPaper> paper() {
        Arbitrary<String> title = text(1, 6);
        Arbitrary<String> abstractText = text(0, 12);
        Arbitrary<List<Entity>> entities = entity().list().ofMaxSize(5);
        Arbitrary<List<LocalDate>> days = Arbitraries.integers().between(0, DAYS - 1).set().ofMinSize(1).ofMaxSize(3)
                .map(set -> set.stream().sorted().map(FIRST_DAY::plusDays).toList());
        return Combinators.combine(title, abstractText, entities, days, Arbitraries.of(true, false))
                .as((t, a, e, d, code) -> paper("p", t, a, e, d, code));
    }

    /** Filters as {@code GET /papers} parameters: one to three of them, the others left out (blank). */
    public static Arbitrary<FilterParams> filters() {
        Arbitrary<String> q = Arbitraries.oneOf(text(1, 2),
                Arbitraries.of(WORDS).map(w -> "\"" + w + " " + WORDS.get(Math.abs(w.hashCode()) % WORDS.size()) + "\""),
                Arbitraries.of(WORDS).map(w -> SearchText.queryTerm(w).substring(0, 3) + "*"));
        Arbitrary<String> name = Arbitraries.of(NAMES);
        Arbitrary<String> day = Arbitraries.integers().between(0, DAYS - 1).map(d -> FIRST_DAY.plusDays(d).toString());
        List<Arbitrary<String>> values = List.of(q, name, name, name, name, name, name, Arbitraries.of("true", "false"), day, day);
        return Arbitraries.integers().between(0, values.size() - 1).set().ofMinSize(1).ofMaxSize(3).flatMap(chosen -> {
            List<Arbitrary<String>> each = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                each.add(chosen.contains(i) ? values.get(i) : Arbitraries.just(ABSENT));
            }
            return Combinators.combine(each).as(v -> new FilterParams(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5),
                    v.get(6), v.get(7), v.get(8), v.get(9)));
        }).filter(p -> p.from().isEmpty() || p.to().isEmpty() || p.from().compareTo(p.to()) <= 0);
    }

    public static MergedPaper paper(String id, String title, String abstractText, List<Entity> entities, List<LocalDate> days, boolean hasCode) {
        List<Sighting> sightings = days.stream().map(d -> new Sighting(d, "test", 0)).toList();
        return new MergedPaper(id, 1, title, abstractText, null, sightings, days, List.of(), hasCode, entities, List.of(),
                new TextStats(10, 1, 0.1), 1, Instant.EPOCH, Instant.EPOCH);
    }

    private static Arbitrary<Entity> entity() {
        return Combinators.combine(Arbitraries.of(EntityType.class), Arbitraries.of(NAMES))
                .as((type, text) -> new Entity(type, text, Entity.ABSTRACT, 0, text.length()));
    }

    private static Arbitrary<String> text(int min, int max) {
        return Arbitraries.of(WORDS).list().ofMinSize(min).ofMaxSize(max).map(words -> String.join(" ", words));
    }

    private static List<MergedPaper> numbered(List<MergedPaper> papers) {
        List<MergedPaper> numbered = new ArrayList<>();
        for (int i = 0; i < papers.size(); i++) {
            MergedPaper p = papers.get(i);
            numbered.add(paper("p" + i, p.title(), p.abstractText(), p.entities(), p.digestDates(), p.hasCode()));
        }
        return numbered;
    }
}
