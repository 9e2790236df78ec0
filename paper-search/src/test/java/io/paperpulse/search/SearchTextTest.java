package io.paperpulse.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.paperpulse.search.SearchQuery.Phrase;
import io.paperpulse.search.SearchQuery.Prefix;
import io.paperpulse.search.SearchQuery.Word;

class SearchTextTest {

    @Test
    void foldsCaseAndAccents() {
        assertEquals("cafe uber naive", SearchText.fold("Café Über naïve"));
        assertEquals("resnet-50", SearchText.key("  ResNet-50 "));
        assertEquals("named entity recognition", SearchText.key("Named\u00a0 Entity\tRecognition"));
    }

    @Test
    void indexesRunsAndJoinedWordsWithTheirOffsets() {
        String text = "Pre-trained BERT's (GPT-4)";
        List<SearchText.Token> tokens = SearchText.tokens(text);
        assertEquals(List.of("pre", "trained", "pretrained", "bert", "s", "berts", "gpt", "4", "gpt4"),
                tokens.stream().map(SearchText.Token::term).toList());
        SearchText.Token joined = tokens.get(2);
        assertEquals("Pre-trained", text.substring(joined.start(), joined.end()));
        assertEquals("GPT-4", text.substring(tokens.get(8).start(), tokens.get(8).end()));
        // folding keeps offsets on the original text
        SearchText.Token cafe = SearchText.tokens("le Café").get(1);
        assertEquals("cafe", cafe.term());
        assertEquals("Café", "le Café".substring(cafe.start(), cafe.end()));
    }

    @Test
    void queryWordsAreJoinedSoHyphenationDoesNotMatter() {
        assertEquals(new SearchQuery(List.of(new Word("pretrained"), new Word("cafe"))), SearchQuery.parse("Pre-Trained  CAFÉ"));
        assertEquals("pretrained", SearchText.queryTerm("pre-trained"));
    }

    @Test
    void phrasesAndPrefixesAreRead() {
        assertEquals(new SearchQuery(List.of(new Phrase(List.of("language", "model")), new Prefix("diffus"))),
                SearchQuery.parse("\"Language Model\" diffus*"));
        // an unbalanced quote ends at the end of the text; a one-word phrase is a word
        assertEquals(new SearchQuery(List.of(new Word("bert"), new Phrase(List.of("vision", "transformer")))),
                SearchQuery.parse("\"bert\" \"vision transformer"));
    }

    @Test
    void operatorsAndPatternsAreJustPunctuation() {
        assertEquals(new SearchQuery(List.of(new Word("where"), new Word("gt"))), SearchQuery.parse("$where {$gt:''}"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SearchQuery.parse(".* ^$ \\ | ()"));
        assertEquals("must contain a letter or a digit", e.getMessage());
    }

    @Test
    void tooShortPrefixesAndTooManyWordsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SearchQuery.parse("a*"));
        assertThrows(IllegalArgumentException.class, () -> SearchQuery.parse("a b c d e f g h i j k"));
    }

    @Test
    void overlongRunsAreNotTerms() {
        String run = "a".repeat(SearchText.MAX_TERM_LENGTH + 1);
        assertEquals(List.of("ok"), SearchText.tokens(run + " ok").stream().map(SearchText.Token::term).toList());
    }
}
