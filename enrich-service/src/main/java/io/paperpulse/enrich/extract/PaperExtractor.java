package io.paperpulse.enrich.extract;

import java.text.Normalizer;
import java.util.Collections;
import java.util.List;

import io.paperpulse.contracts.Entity;
import io.paperpulse.enrich.extract.entity.EntityExtractor;
import io.paperpulse.enrich.extract.entity.Gazetteer;
import io.paperpulse.enrich.extract.link.LinkExtractor;
import io.paperpulse.enrich.extract.metric.MetricExtractor;
import io.paperpulse.enrich.extract.text.TextStatistics;

/**
 * Runs every extractor over one paper's title and abstract. Stateless after construction and thread-safe.
 */
public final class PaperExtractor {
    /** Bump whenever the gazetteer or a rule changes: it names the consumer group that re-enriches every paper. */
    public static final int VERSION = 7;

    private final LinkExtractor links = new LinkExtractor();
    private final TextStatistics statistics = new TextStatistics();
    private final EntityExtractor entities;
    private final MetricExtractor metrics = new MetricExtractor();

    /** Loads the gazetteer shipped under {@code gazetteer/} and the rule lists under {@code extract/}. */
    public PaperExtractor() {
        this(Gazetteer.defaults());
    }

    public PaperExtractor(Gazetteer gazetteer) {
        this.entities = new EntityExtractor(gazetteer);
    }

    public Extraction extract(String title, String abstractText) {
        String t = nfc(title);
        String a = nfc(abstractText);
        List<Entity> found = entities.extract(t, a);
        return new Extraction(Collections.unmodifiableList(found), links.extract(a),
                Collections.unmodifiableList(metrics.extract(a, found)), statistics.of(t, a));
    }

    private static String nfc(String text) {
        if (text == null || belowCombiningMarks(text) || Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
            return text;
        }
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /**
     * True when no character is U+0300 or above: no character below the combining marks changes under NFC, so such a
     * text (nearly every abstract) is normalised already; {@link Normalizer#isNormalized} would allocate a buffer to
     * find that out.
     */
    private static boolean belowCombiningMarks(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= '\u0300') {
                return false;
            }
        }
        return true;
    }
}
