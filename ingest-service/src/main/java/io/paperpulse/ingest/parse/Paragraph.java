package io.paperpulse.ingest.parse;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run of non-blank lines of a page (or one block of an HTML page), and what it looks like on its own: site chrome,
 * a heading (short, no sentence: a title) or prose (sentences: an abstract).
 */
final class Paragraph {
    enum Shape { CHROME, HEADING, PROSE }

    /** Past these, a paragraph is prose whatever its punctuation: titles stay well under them. */
    private static final int LONGEST_HEADING_WORDS = 40;
    private static final int LONGEST_HEADING_CHARS = 320;
    /** A title that ends with a full stop is still short: at most this many words. */
    private static final int LONGEST_STOPPED_TITLE_WORDS = 30;
    /** A second abstract paragraph has some substance; a shorter sentence after an abstract is a footer or a tagline. */
    private static final int SHORTEST_CONTINUATION_WORDS = 20;
    /** A lower-case word, a full stop, a capital: a sentence ends inside the paragraph. */
    static final Pattern SENTENCE_BREAK = Pattern.compile("(?<![\\p{L}.])(\\p{Ll}{2,})\\.\\s+[\\p{Lu}\\p{N}]");
    private static final Set<String> ABBREVIATIONS = Set.of("vs", "al", "etc", "eg", "ie", "cf", "approx", "resp", "fig", "eq", "no");

    final List<String> lines;
    final String text;
    final Shape shape;
    /** The arXiv id when the whole paragraph is an arXiv reference (a link or "arXiv:2403.01234"); such a one is chrome. */
    final String arxivReference;

    Paragraph(List<String> lines) {
        this.lines = lines;
        this.text = String.join(" ", lines);
        this.arxivReference = ArxivIds.isReference(text) ? ArxivIds.find(text) : null;
        this.shape = arxivReference != null || ChromeLines.isChrome(text) ? Shape.CHROME : isProse(text) ? Shape.PROSE : Shape.HEADING;
    }

    static Paragraph of(String text) {
        return new Paragraph(List.of(text));
    }

    boolean is(Shape s) {
        return shape == s;
    }

    int words() {
        return words(text);
    }

    /** Prose that could still be a title: a short line that merely ends with a full stop. */
    boolean couldBeTitle() {
        return words() <= LONGEST_STOPPED_TITLE_WORDS && !hasSentenceBreak(text);
    }

    /** Prose enough to be a further paragraph of the abstract before it. */
    boolean continuesAbstract() {
        return is(Shape.PROSE) && (words() >= SHORTEST_CONTINUATION_WORDS || hasSentenceBreak(text));
    }

    /**
     * A title line with its abstract under it and no blank line between: the split, or {@code null}. The abstract must
     * open a sentence: a second line that goes on in lower case is the same sentence, hard-wrapped.
     */
    Paragraph[] titleAndAbstract() {
        if (lines.size() < 2 || !is(Shape.PROSE) || !opensSentence(lines.get(1))) {
            return null;
        }
        Paragraph title = Paragraph.of(lines.get(0));
        Paragraph rest = new Paragraph(lines.subList(1, lines.size()));
        return title.is(Shape.HEADING) && rest.is(Shape.PROSE) ? new Paragraph[] {title, rest} : null;
    }

    private static boolean opensSentence(String line) {
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                return !Character.isLowerCase(cp);
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    static boolean isProse(String text) {
        return endsWithFullStop(text) || words(text) > LONGEST_HEADING_WORDS || text.length() > LONGEST_HEADING_CHARS
                || hasSentenceBreak(text);
    }

    private static boolean endsWithFullStop(String text) {
        int end = text.length();
        while (end > 0 && "\"'”’)]".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return end > 0 && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '…');
    }

    private static boolean hasSentenceBreak(String text) {
        Matcher m = SENTENCE_BREAK.matcher(text);
        while (m.find()) {
            if (!ABBREVIATIONS.contains(m.group(1).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    static int words(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i)) || Character.isSpaceChar(text.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }
}
