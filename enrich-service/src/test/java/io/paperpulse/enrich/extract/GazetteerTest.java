package io.paperpulse.enrich.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.paperpulse.contracts.Entity;
import io.paperpulse.contracts.EntityType;
import io.paperpulse.enrich.extract.entity.Gazetteer;

class GazetteerTest {

    @Test
    void modelsMatchCaseSensitively() {
        assertTrue(Seed.names("", "We fine-tune BERT on it.").contains("MODEL:BERT"));
        assertFalse(Seed.names("", "We fine-tune bert on it.").contains("MODEL:bert"));
    }

    @Test
    void tasksMatchCaseInsensitivelyWithAPluralOfTheLastWord() {
        List<String> names = Seed.names("Text Classification at Scale", "Results on text classifications and question answering.");
        assertTrue(names.contains("TASK:Text Classification"), names.toString());
        assertTrue(names.contains("TASK:text classifications"), names.toString());
        assertTrue(names.contains("TASK:question answering"), names.toString());
    }

    @Test
    void taskAcronymLinesAreCaseSensitive() {
        assertTrue(Seed.names("", "We study NER in law.").contains("TASK:NER"));
        assertTrue(Seed.names("", "The corner case of a Tanner graph.").isEmpty());
    }

    @Test
    void noLetterDigitOrUnderscoreDirectlyBeforeOrAfter() {
        assertTrue(Seed.names("", "BERTology and xBERT and BERT2 are other things.").stream().noneMatch(n -> n.equals("MODEL:BERT")));
        assertTrue(Seed.names("", "(BERT) and BERT's gains").contains("MODEL:BERT"));
    }

    @Test
    void longestMatchWins() {
        List<String> names = Seed.names("", "GPT-4 beats GPT on Google Books.");
        assertEquals(List.of("MODEL:GPT-4", "MODEL:GPT", "DATASET:Google Books"), names);
    }

    @Test
    void underscoreVariantsOfKnownNamesAreKept() {
        assertTrue(Seed.names("", "We grow BERT_BASE into BERT_LARGE.").containsAll(List.of("MODEL:BERT_BASE", "MODEL:BERT_LARGE")));
        assertFalse(Seed.names("", "The BERT_xyz file.").contains("MODEL:BERT"));
    }

    @Test
    void commentsBlankLinesAndTrailingCommentsAreIgnored() {
        Gazetteer g = Gazetteer.of(Map.of(EntityType.MODEL, List.of("# models", "", "  Zeta  ", "Omega # the last one")));
        assertEquals(2, g.size());
        List<Entity> found = new PaperExtractor(g).extract("", "Zeta and Omega.").entities();
        assertEquals(List.of("Zeta", "Omega"), found.stream().map(Entity::text).toList());
    }

    @Test
    void theDefaultListsLoadWhateverTheirState() {
        Gazetteer g = Gazetteer.defaults();
        assertTrue(g.size() >= 0);
        new PaperExtractor().extract("A title", "An abstract about BERT.");
    }

    @Test
    void simplePlurals() {
        assertEquals("entity recognitions", Gazetteer.plural("entity recognition"));
        assertEquals("query strategies", Gazetteer.plural("query strategy"));
        assertEquals("graph searches", Gazetteer.plural("graph search"));
        assertEquals("sentiment analyses", Gazetteer.plural("sentiment analysis"));
    }

    @Test
    void theShippedListsSplitAMakerFromItsProductAndKnowReviewModelsAsMethods() {
        PaperExtractor shipped = new PaperExtractor();
        List<String> n = shipped.extract("A title", "OpenAI o1, Cursor and Github Copilot are checked by process reward "
                + "models (PRMs).").entities().stream().map(e -> e.type() + ":" + e.text()).toList();
        assertEquals(List.of("ORG:OpenAI", "MODEL:o1", "MODEL:Cursor", "MODEL:Github Copilot", "METHOD:process reward models",
                "METHOD:PRMs"), n);
    }
}
