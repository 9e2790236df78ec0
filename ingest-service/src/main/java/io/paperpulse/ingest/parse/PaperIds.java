package io.paperpulse.ingest.parse;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

import io.paperpulse.contracts.DigestIds;

/**
 * A paper's id: the first 20 hex digits of the SHA-256 of its normalised title. Normalising is NFKC, case folding,
 * then every run of characters that are not letters or digits becomes one space, trimmed. So "BERT: Pre-training"
 * and "bert pre training" are the same paper, in every format and from every source.
 */
public final class PaperIds {
    private PaperIds() {
    }

    public static String fromTitle(String title) {
        return DigestIds.of(normalise(title).getBytes(StandardCharsets.UTF_8)).substring(0, 20); // the same SHA-256 hex as a page's id
    }

    static String normalise(String title) {
        String folded = Normalizer.normalize(title, Normalizer.Form.NFKC)
                .toUpperCase(Locale.ROOT)
                .toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        boolean pendingSpace = false;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (pendingSpace && out.length() > 0) {
                    out.append(' ');
                }
                pendingSpace = false;
                out.appendCodePoint(cp);
            } else {
                pendingSpace = true;
            }
        }
        return out.toString();
    }
}
