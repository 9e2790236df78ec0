package io.paperpulse.enrich.extract.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class LinkExtractorTest {
    private final LinkExtractor links = new LinkExtractor();

    @Test
    void everyUrlInOrderWithoutDuplicates() {
        assertEquals(List.of("https://github.com/a/b", "https://aka.ms/BLURB"),
                links.extract("Code: https://github.com/a/b. Data at https://aka.ms/BLURB and https://github.com/a/b."));
    }

    @Test
    void trailingPunctuationAndUnbalancedClosersAreStripped() {
        assertEquals(List.of("https://x.org/p"), links.extract("(see https://x.org/p)."));
        assertEquals(List.of("https://x.org/p"), links.extract("at \"https://x.org/p\"; and"));
        assertEquals(List.of("https://en.wikipedia.org/wiki/A_(b)"), links.extract("https://en.wikipedia.org/wiki/A_(b)!"));
        assertEquals(List.of("https://x.org/p"), links.extract("\\url{https://x.org/p}"));
        assertEquals(List.of("https://x.org/p"), links.extract("at https://x.org/p” said"));
    }

    @Test
    void trailingSlashAndCaseAreKept() {
        assertEquals(List.of("https://execrepobench.github.io/"), links.extract("Site: https://execrepobench.github.io/."));
        assertEquals(List.of("https://github.com/OpenAI/CLIP"), links.extract("at https://github.com/OpenAI/CLIP"));
    }

    @Test
    void aSchemeGluedToAFootnoteMarkStillStartsALink() {
        // superscript footnote marks lose their formatting when an abstract becomes text
        assertEquals(List.of("https://github.com/x/Bench-code", "https://huggingface.co/datasets/X/Bench"),
                links.extract("open-sourced at GitHub111https://github.com/x/Bench-code, and on Hugging Face222https://huggingface.co/datasets/X/Bench."));
        // a URL inside another's path is that path, not a second link
        assertEquals(List.of("https://web.archive.org/web/2020/https://x.org"), links.extract("See https://web.archive.org/web/2020/https://x.org"));
        assertEquals(List.of(), links.extract("the word httpsx and shttp are no links"));
    }

    @Test
    void aMissingSchemeBecomesHttps() {
        assertEquals(List.of("https://github.com/edwardjhu/TP4"), links.extract("Code at github.com/edwardjhu/TP4."));
        assertEquals(List.of("https://www.example.org"), links.extract("See www.example.org, too."));
        assertEquals(List.of("http://old.example.com/x"), links.extract("See http://old.example.com/x"));
    }

    @Test
    void wordsWithDotsAreNoUrls() {
        assertEquals(List.of(), links.extract("e.g. this, i.e. that, Fig.3, et al. 2019, run train.sh or README.md, a@b.com"));
    }

    @Test
    void emptyAndNull() {
        assertEquals(List.of(), links.extract(""));
        assertEquals(List.of(), links.extract(null));
    }
}
