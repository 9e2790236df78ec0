package io.paperpulse.enrich.extract.metric;

import java.util.List;

import io.paperpulse.contracts.Entity;
import io.paperpulse.contracts.Metric;
import io.paperpulse.enrich.extract.text.Chars;

/**
 * Finds the reported quantities of an abstract with a single left-to-right scan (no regular expressions): each number
 * that starts a run of digits is read by {@link Quantities}. Linear in the text length; stateless and thread-safe.
 */
public final class MetricExtractor {
    /** The metrics of the abstract {@code text}; numbers inside its {@code entities} are part of a name. */
    public List<Metric> extract(String text, List<Entity> entities) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        Quantities scan = new Quantities(text, entities);
        int len = text.length();
        int i = 0;
        while (i < len) {
            char c = text.charAt(i);
            if (!Chars.isDigit(c) || i > 0 && Chars.isDigit(text.charAt(i - 1))) {
                i++;
                continue;
            }
            int next = scan.number(i);
            i = Math.max(next, i + 1);
        }
        return scan.out;
    }
}
