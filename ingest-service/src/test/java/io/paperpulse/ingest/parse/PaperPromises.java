package io.paperpulse.ingest.parse;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Set;

/**
 * What ingest-service promises of every paper it reads, whatever the page (see the README, "How a page is read"): a
 * title with a letter or digit in it; title and abstract in NFC, of whole characters (no lone surrogate), without
 * control characters (an abstract keeps the line feeds between its paragraphs) or bidirectional embedding, override
 * and isolate controls; the id the title gives; each paper once.
 */
public final class PaperPromises {
    private PaperPromises() {
    }

    /** The first promise a parsed page breaks, or {@code null}. */
    public static String broken(ParsedPage page) {
        if (page.papers().isEmpty() || page.date() == null) {
            return "no papers or no date: " + page;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < page.papers().size(); i++) {
            PaperEntry paper = page.papers().get(i);
            String broken = brokenText(paper.title(), false);
            if (broken == null && paper.abstractText() != null) {
                broken = paper.abstractText().isBlank() ? "a blank abstract" : brokenText(paper.abstractText(), true);
            }
            if (broken == null && !paper.id().equals(PaperIds.fromTitle(paper.title()))) {
                broken = "an id not from its title";
            }
            if (broken == null && !ids.add(paper.id())) {
                broken = "listed twice";
            }
            if (broken != null) {
                return "paper " + (i + 1) + " has " + broken + ": " + shortened(paper.title()) + " / " + shortened(paper.abstractText());
            }
        }
        return null;
    }

    /** The first promise a title or abstract breaks, or {@code null}. */
    public static String brokenText(String text, boolean isAbstract) {
        if (!isAbstract && text.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return "a title without a letter or digit";
        }
        if (!Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
            return "text not in NFC";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "a lone surrogate at " + i;
            } else if (Character.getType(c) == Character.CONTROL && !(isAbstract && c == '\n')) {
                return String.format("control character U+%04X at %d", (int) c, i);
            } else if (c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069') {
                return String.format("bidi control U+%04X at %d", (int) c, i);
            }
        }
        return null;
    }

    private static String shortened(String text) {
        return text == null || text.length() <= 120 ? String.valueOf(text) : text.substring(0, 120) + "… (" + text.length() + " chars)";
    }
}
