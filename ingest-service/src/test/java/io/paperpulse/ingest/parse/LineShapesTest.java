package io.paperpulse.ingest.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What a line looks like on its own: chrome, a title, an abstract, an arXiv reference; and the paper id rule. */
class LineShapesTest {

    @ParameterizedTest(name = "chrome: {0}")
    @ValueSource(strings = {"Load more", "LOAD MORE →", "© 2024 Hugging Face", "(c) 2024 Papers Inc.", "Copyright 2024 Foo",
            "Terms", "Privacy Policy", "Terms · Privacy · About", "Models | Datasets | Spaces", "1 2 3 … 10 Next",
            "128 upvotes", "· 52 authors", "1.2k", "42", "Submitted by akhaliq", "Page 2 of 12", "System theme", "Hugging Face",
            "Get trending papers in your email inbox!", "byAK and the research community", "new", "Subscribe", "↑", "—",
            "Showing 1 to 20 of 62 results", "Follow us on X", "GitHub 1.2k", "1.52 stars / hour", "mistralai/mistral-src", "🔥",
            "AI-generated summary", "arXiv Page", "Published on Mar 10"})
    void chrome(String line) {
        assertTrue(ChromeLines.isChrome(line), line);
    }

    @Test
    void noTitleOfTheSampleIsChrome() {
        for (Pages.SamplePaper paper : Pages.samplePapers()) {
            assertFalse(ChromeLines.isChrome(paper.title()), paper.title());
            assertEquals(Paragraph.Shape.HEADING, Paragraph.of(paper.title()).shape, paper.title());
            assertEquals(Paragraph.Shape.PROSE, Paragraph.of(paper.abstractText()).shape, paper.abstractText());
        }
    }

    @ParameterizedTest(name = "title: {0}")
    @ValueSource(strings = {"Copyright Traps for Large Language Models", "Segment Anything", "More Agents Is All You Need",
            "Show, Attend and Tell: Neural Image Caption Generation with Visual Attention", "Code Llama: Open Foundation Models for Code",
            "Mamba vs. Transformers: A Comparison", "Are We Done with MMLU?", "GPT-4 Technical Report", "Privacy Auditing of Large Language Models",
            "Textbooks Are All You Need II: phi-1.5 technical report", "Page Attention for Long Documents", "Latest Advances in RL"})
    void titles(String line) {
        assertFalse(ChromeLines.isChrome(line), line);
        assertEquals(Paragraph.Shape.HEADING, Paragraph.of(line).shape, line);
    }

    @ParameterizedTest(name = "reference {0} -> {1}")
    @CsvSource({"arXiv:2403.01234v2, 2403.01234", "https://arxiv.org/abs/2403.01234, 2403.01234", "arxiv.org/pdf/2403.01234v3.pdf, 2403.01234",
            "[2312.00752], 2312.00752", "0704.0001, 0704.0001"})
    void arxivReferences(String line, String id) {
        assertTrue(ArxivIds.isReference(line));
        assertEquals(id, ArxivIds.find(line));
    }

    @ParameterizedTest(name = "no arXiv id in {0}")
    @ValueSource(strings = {"accuracy of 1234.5678 points", "version 2024.10", "in 2013.12345 (five digits before 2015)", "1.2403.01234"})
    void noArxivId(String text) {
        assertNull(ArxivIds.find(text));
    }

    @Test
    void arxivIdsInLinksAndText() {
        assertEquals("2403.05530", ArxivIds.find("/papers/2403.05530"));
        assertEquals("1706.03762", ArxivIds.find("see https://arxiv.org/abs/1706.03762v7 for details"));
    }

    @Test
    void paperIdsFollowTheDocumentedRule() {
        assertEquals("bert pre training of deep bidirectional transformers", PaperIds.normalise("BERT: Pre-training of Deep  Bidirectional\tTransformers!"));
        assertEquals(PaperIds.fromTitle("BERT: Pre-training"), PaperIds.fromTitle("bert — pre training"));
        assertEquals(PaperIds.fromTitle("ﬁne-tuning Ｗｉｔｈ Ⅳ"), PaperIds.fromTitle("fine tuning with iv"), "NFKC folds ligatures, full-width and numerals");
        assertEquals(PaperIds.fromTitle("Straße"), PaperIds.fromTitle("STRASSE"), "case folding");
        assertEquals(20, PaperIds.fromTitle("x").length());
        assertEquals("8b7e27deea91096b9386", PaperIds.fromTitle("Domain-Specific Language Model Pretraining for Biomedical Natural Language Processing"));
    }
}
