package io.paperpulse.enrich.extract;

import java.text.Normalizer;
import java.util.List;

/**
 * Runs every extractor over one paper's title and abstract. Stateless after construction and thread-safe.
 */
public final class PaperExtractor {
    /** Bump whenever the gazetteer or a rule changes: it names the consumer group that re-enriches every paper. */
    public static final int VERSION = 1;

    private final LinkExtractor links = new LinkExtractor();
    private final TextStatistics statistics = new TextStatistics();

    public Extraction extract(String title, String abstractText) {
        String t = nfc(title);
        String a = nfc(abstractText);
        return new Extraction(List.of(), links.extract(a), List.of(), statistics.of(t, a));
    }

    private static String nfc(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
    }
}
