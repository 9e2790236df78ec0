package io.paperpulse.ingest.parse;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the papers of one page in order. A paper listed twice is one paper, at its first place; if only the later
 * listing has the abstract or the arXiv id, the paper takes it. Titles and abstracts are stored in Unicode NFC.
 */
final class ParsedPageBuilder {
    private final LocalDate date;
    private final PageFormat format;
    private final Map<String, PaperEntry> papers = new LinkedHashMap<>();
    private int duplicates;

    ParsedPageBuilder(LocalDate date, PageFormat format) {
        this.date = date;
        this.format = format;
    }

    void add(String title, String abstractText, String arxivId) {
        String nfcTitle = nfc(title);
        String nfcAbstract = abstractText == null ? null : nfc(abstractText);
        String id = PaperIds.fromTitle(nfcTitle);
        String arxiv = arxivId != null ? arxivId : ArxivIds.find(nfcAbstract);
        PaperEntry first = papers.get(id);
        if (first == null) {
            papers.put(id, new PaperEntry(id, nfcTitle, nfcAbstract, arxiv));
            return;
        }
        duplicates++;
        papers.put(id, new PaperEntry(id, first.title(),
                first.abstractText() != null ? first.abstractText() : nfcAbstract,
                first.arxivId() != null ? first.arxivId() : arxiv));
    }

    ParsedPage build() {
        return new ParsedPage(date, format.label(), List.copyOf(papers.values()), duplicates);
    }

    private static String nfc(String text) {
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }
}
