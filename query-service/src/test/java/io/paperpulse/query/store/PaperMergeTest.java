package io.paperpulse.query.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.paperpulse.contracts.EnrichedPaper;
import io.paperpulse.contracts.EntityType;
import io.paperpulse.query.TestPapers;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PaperMergeTest {
    private static final Date NOW = new Date();
    private static final List<Instant> ENRICHED_AT = List.of(Instant.parse("2030-01-01T00:00:00Z"),
            Instant.parse("2030-01-02T00:00:00Z"), Instant.parse("2030-01-03T00:00:00Z"));

    @Property(tries = 300)
    void anyArrivalOrderStoresTheSameDocument(@ForAll("records") List<EnrichedPaper> records, @ForAll Random random) {
        List<EnrichedPaper> shuffled = new ArrayList<>(records);
        Collections.shuffle(shuffled, random);
        assertEquals(content(fold(records)), content(fold(shuffled)));
    }

    @Property(tries = 300)
    void aRecordAlreadyMergedChangesNothing(@ForAll("records") List<EnrichedPaper> records, @ForAll Random random) {
        PaperDocument stored = fold(records);
        assertNull(PaperMerge.merge(stored, records.get(random.nextInt(records.size())), NOW));
    }

    @Property(tries = 300)
    void theNewestExtractionWinsAndEverySightingIsKept(@ForAll("records") List<EnrichedPaper> records) {
        PaperDocument stored = fold(records);
        EnrichedPaper newest = records.stream().max(Comparator.comparingInt(EnrichedPaper::extractorVersion)
                .thenComparing(EnrichedPaper::enrichedAt)).orElseThrow();
        assertEquals(newest.extractorVersion(), stored.extractorVersion);
        assertEquals(newest.paper().title(), stored.title);
        assertEquals(records.stream().map(r -> r.paper().digestDate().toString()).distinct().sorted().toList(), stored.digestDates);
        assertEquals(stored.digestDates.get(0), stored.firstSeen);
        assertEquals(stored.digestDates.get(stored.digestDates.size() - 1), stored.lastSeen);
    }

    @Test
    void derivesKeysAndHasCode() {
        EnrichedPaper paper = TestPapers.paper("derive").title("Pre-trained ResNet-50 for Café Menus")
                .abstractText("We use ImageNet. Code at https://github.com/org/repo.")
                .entity(EntityType.MODEL, "ResNet-50").entity(EntityType.DATASET, "ImageNet")
                .link("https://github.com/org/repo").build();
        PaperDocument doc = PaperMerge.merge(null, paper, NOW);
        assertNotNull(doc);
        assertEquals(List.of("resnet-50", "imagenet"), doc.entities.stream().map(PaperDocument.EntityDocument::key).toList());
        assertTrue(doc.hasCode);
    }

    @Test
    void theSameExtractionEnrichedAgainLaterChangesNothing() {
        TestPapers.Builder paper = TestPapers.paper("again").title("Enriched twice").abstractText("BERT on ImageNet.")
                .entity(EntityType.MODEL, "BERT");
        PaperDocument stored = PaperMerge.merge(null, paper.version(2, ENRICHED_AT.get(0)).build(), NOW);
        // a redelivered parsed record is enriched again: the same output, a later enrichedAt
        assertNull(PaperMerge.merge(stored, paper.version(2, ENRICHED_AT.get(2)).build(), NOW));
    }

    @Test
    void codeLinksAreRepositoryHostsOnly() {
        assertTrue(PaperMerge.isCodeLink("https://github.com/XiaoxinHe/TAPE"));
        assertTrue(PaperMerge.isCodeLink("https://www.gitlab.com/a/b"));
        assertTrue(!PaperMerge.isCodeLink("https://aka.ms/BLURB"));
        assertTrue(!PaperMerge.isCodeLink("https://notgithub.com/x"));
        assertTrue(!PaperMerge.isCodeLink("not a url at all"));
    }

    @Provide
    Arbitrary<List<EnrichedPaper>> records() {
        Arbitrary<EnrichedPaper> record = Combinators.combine(
                Arbitraries.integers().between(1, 5), Arbitraries.of("hf-trending", "hf-daily"),
                Arbitraries.integers().between(0, 4), Arbitraries.integers().between(1, 3), Arbitraries.of(ENRICHED_AT))
                .as((day, source, position, version, enrichedAt) -> {
                    // the content follows (version, enrichedAt), as a real extractor's output does
                    String variant = version + "-" + ENRICHED_AT.indexOf(enrichedAt);
                    TestPapers.Builder b = TestPapers.paper("merge").title("Paper v" + variant)
                            .abstractText("BERT on ImageNet, variant " + variant)
                            .listed(LocalDate.of(2030, 1, day), source, position).version(version, enrichedAt)
                            .entity(EntityType.MODEL, "BERT");
                    if (version > 1) {
                        b.entity(EntityType.DATASET, "ImageNet");
                    }
                    return b.build();
                });
        return record.list().ofMinSize(1).ofMaxSize(8);
    }

    private static PaperDocument fold(List<EnrichedPaper> records) {
        PaperDocument doc = null;
        for (EnrichedPaper r : records) {
            PaperDocument merged = PaperMerge.merge(doc, r, NOW);
            if (merged != null) {
                doc = merged;
            }
        }
        return doc;
    }

    private static List<Object> content(PaperDocument d) {
        return List.of(d.sightings, d.digestDates, d.firstSeen, d.lastSeen, d.title, d.abstractText, d.links, d.entities,
                d.metrics, d.extractorVersion, d.enrichedAt, d.hasCode);
    }
}
