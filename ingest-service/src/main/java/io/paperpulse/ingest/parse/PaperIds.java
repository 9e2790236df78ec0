package io.paperpulse.ingest.parse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A paper's id: the first 20 hex digits of the SHA-256 of its normalised title. Normalising is NFKC, case folding,
 * then every run of characters that are not letters or digits becomes one space, trimmed. So "BERT: Pre-training"
 * and "bert pre training" are the same paper, in every format and from every source.
 */
public final class PaperIds {
    private PaperIds() {
    }

    public static String fromTitle(String title) {
        return sha256(normalise(title)).substring(0, 20);
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

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
