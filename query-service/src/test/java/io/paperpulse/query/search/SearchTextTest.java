package io.paperpulse.query.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void foldsCaseAndAccents() {
        assertEquals("cafe uber naive", SearchText.fold("Café Über naïve"));
        assertEquals("resnet-50", SearchText.key("  ResNet-50 "));
        assertEquals("named entity recognition", SearchText.key("Named\u00a0 Entity\tRecognition"));
    }

    @Test
    void indexesRunsAndJoinedWords() {
        assertEquals(Set.of("pre", "trained", "pretrained", "bert", "s", "berts", "gpt", "4", "gpt4"),
                SearchText.indexTerms("Pre-trained BERT's (GPT-4)"));
    }

    @Test
    void queryWordsAreJoinedSoHyphenationDoesNotMatter() {
        assertEquals(List.of("pretrained", "cafe"), SearchText.queryTerms("Pre-Trained  CAFÉ pretrained"));
        assertTrue(SearchText.indexTerms("pretrained models").contains(SearchText.queryTerms("pre-trained").get(0)));
        assertTrue(SearchText.indexTerms("pre-trained models").contains(SearchText.queryTerms("pretrained").get(0)));
    }

    @Test
    void operatorsAndPatternsAreJustPunctuation() {
        assertEquals(List.of("where", "gt"), SearchText.queryTerms("$where {$gt:''}"));
        assertEquals(List.of(), SearchText.queryTerms(".* ^$ \\ | ()"));
    }

    @Test
    void overlongRunsAreNotTerms() {
        String run = "a".repeat(SearchText.MAX_TERM_LENGTH + 1);
        assertEquals(Set.of("ok"), SearchText.indexTerms(run + " ok"));
    }
}
