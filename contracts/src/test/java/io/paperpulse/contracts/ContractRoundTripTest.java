package io.paperpulse.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class ContractRoundTripTest {

    @Test
    void parsedPaperFixtureRoundTripsUnchanged() throws Exception {
        ParsedPaper paper = GoldenFixtures.parsedPaper();
        assertEquals(LocalDate.of(2026, 3, 11), paper.digestDate());
        assertEquals("Domain-Specific Language Model Pretraining for Biomedical Natural Language Processing", paper.title());
        assertNull(paper.arxivId());
        assertEquals(tree(GoldenFixtures.parsedPaperJson()), tree(write(paper)));
    }

    @Test
    void enrichedPaperFixtureRoundTripsUnchanged() throws Exception {
        EnrichedPaper paper = GoldenFixtures.enrichedPaper();
        assertEquals(paper.paper().id(), paper.id());
        Entity blurb = paper.entities().stream().filter(e -> e.text().equals("BLURB")).findFirst().orElseThrow();
        assertEquals("BLURB", paper.paper().abstractText().substring(blurb.start(), blurb.end()));
        assertEquals(tree(GoldenFixtures.enrichedPaperJson()), tree(write(paper)));
    }

    @Test
    void mergedPaperFixtureRoundTripsUnchanged() throws Exception {
        MergedPaper paper = GoldenFixtures.mergedPaper();
        assertEquals(LocalDate.of(2026, 3, 10), paper.firstSeen());
        assertEquals(LocalDate.of(2026, 3, 11), paper.lastSeen());
        assertNull(paper.sightings().get(0).source());
        Entity blurb = paper.entities().stream().filter(e -> e.text().equals("BLURB")).findFirst().orElseThrow();
        assertEquals("BLURB", paper.abstractText().substring(blurb.start(), blurb.end()));
        assertEquals(tree(GoldenFixtures.mergedPaperJson()), tree(write(paper)));
    }

    @Test
    void abstractIsNamedAbstractOnTheWire() {
        assertEquals(true, GoldenFixtures.shape(GoldenFixtures.parsedPaperJson()).contains("abstract"));
    }

    @Test
    void invalidEventSaysWhatIsWrong() {
        InvalidEventException e = assertThrows(InvalidEventException.class, () -> EventJson.read("{\"id\": [", ParsedPaper.class));
        assertEquals(true, e.getMessage().startsWith("not a valid ParsedPaper"));
        assertThrows(InvalidEventException.class, () -> EventJson.read("  ", ParsedPaper.class));
    }

    private static String write(Object event) {
        return new String(new EventSerializer().serialize("t", event), StandardCharsets.UTF_8);
    }

    private static JsonNode tree(String json) throws Exception {
        return EventJson.mapper().readTree(json);
    }
}
