package io.paperpulse.ingest.parse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import io.paperpulse.ingest.parse.BadPages.BadPage;
import io.paperpulse.ingest.parse.BadPages.Category;

/**
 * The byte-level spoilers of {@link BadPages}: invalid UTF-8 and NUL bytes at chosen places of a generated page, and
 * random mutations of the real sample digest (text) and of the daily-papers HTML fixture.
 */
final class PageMutations {
    /** Stands where a spoiler goes until the page is bytes: a private-use character no generated page holds. */
    private static final String MARK = "\uE000";
    private static final byte[] MARK_BYTES = MARK.getBytes(StandardCharsets.UTF_8);

    /** Invalid UTF-8 by class: lone continuation bytes, truncated sequences, overlong forms, surrogates, past U+10FFFF. */
    private static final int[][] INVALID = {{0x80}, {0xBF}, {0x80, 0x80}, {0xC3}, {0xE2, 0x82}, {0xF0, 0x9F, 0x98}, {0xC0, 0xAF},
            {0xC1, 0xBF}, {0xE0, 0x80, 0xAF}, {0xE0, 0x9F, 0xBF}, {0xF0, 0x80, 0x80, 0xAF}, {0xED, 0xA0, 0x80}, {0xED, 0xBF, 0xBF},
            {0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80}, {0xF4, 0x90, 0x80, 0x80}, {0xF5, 0x80, 0x80, 0x80}, {0xF8, 0x88, 0x80, 0x80, 0x80},
            {0xFE}, {0xFF}};
    private static final String[] INVALID_NAMES = {"lone continuation 80", "lone continuation BF", "two continuations",
            "truncated 2-byte", "truncated 3-byte", "truncated 4-byte", "overlong '/' (C0)", "overlong (C1)", "overlong 3-byte",
            "overlong 3-byte (E0 9F)", "overlong 4-byte", "surrogate D800", "surrogate DFFF", "surrogate pair (CESU-8)",
            "past U+10FFFF", "F5 lead byte", "5-byte form", "FE", "FF"};

    private final Random random;
    private final PageText text;
    private final byte[] sample = Pages.sample();
    private final byte[] sampleHtml = Pages.fixture("html/hf-daily-papers.html");

    PageMutations(Random random, PageText text) {
        this.random = random;
        this.text = text;
    }

    /** An invalid sequence at the start, middle or end of a title, the date line, an abstract or the page. */
    BadPage invalidUtf8() {
        int kind = random.nextInt(INVALID.length);
        byte[] bad = new byte[INVALID[kind].length];
        for (int i = 0; i < bad.length; i++) {
            bad[i] = (byte) INVALID[kind][i];
        }
        String[] place = new String[1];
        boolean html = random.nextInt(3) == 0;
        byte[] marked = marked(html, place);
        int at = indexOf(marked, MARK_BYTES);
        byte[] body = concat(Arrays.copyOf(marked, at), bad, Arrays.copyOfRange(marked, at + MARK_BYTES.length, marked.length));
        return new BadPage(Category.INVALID_UTF8, INVALID_NAMES[kind] + " in " + place[0], body, text.contentType(html), at);
    }

    /** NUL bytes in a title, the date line, an abstract or the page; or a page of NULs, or NUL after every byte. */
    BadPage nulBytes() {
        int shape = random.nextInt(8);
        if (shape == 0) {
            return new BadPage(Category.NUL_BYTES, "only NULs", new byte[1 + random.nextInt(5000)], text.contentType(false), -1);
        }
        if (shape == 1) { // what a UTF-16LE page read as UTF-8 looks like
            byte[] page = text.text(text.papers(3)).replaceAll("[^\\x00-\\x7F]", "?").getBytes(StandardCharsets.UTF_16LE);
            return new BadPage(Category.NUL_BYTES, "NUL after every byte", page, text.contentType(false), -1);
        }
        String[] place = new String[1];
        boolean html = random.nextInt(3) == 0;
        String nuls = "\0".repeat(1 + (random.nextBoolean() ? 0 : random.nextInt(300)));
        String page = new String(marked(html, place), StandardCharsets.UTF_8).replace(MARK, nuls);
        return new BadPage(Category.NUL_BYTES, nuls.length() + " NULs in " + place[0], page.getBytes(StandardCharsets.UTF_8),
                text.contentType(html), -1);
    }

    /** A generated page with {@link #MARK} at a chosen place, named in {@code place[0]}. */
    private byte[] marked(boolean html, String[] place) {
        List<String[]> papers = text.papers(2 + random.nextInt(6));
        String date = text.date();
        String field = new String[] {"title", "date", "abstract", "page"}[random.nextInt(4)];
        int paper = random.nextInt(papers.size());
        String[] where = new String[1];
        String page;
        switch (field) {
            case "title" -> papers.get(paper)[0] = marked(papers.get(paper)[0], where);
            case "abstract" -> papers.get(paper)[1] = marked(papers.get(paper)[1], where);
            case "date" -> date = marked(date, where);
            default -> {
            }
        }
        page = html ? text.html(papers, date) : text.text(papers, date);
        if (field.equals("page")) {
            page = marked(page, where);
        }
        place[0] = where[0] + " of the " + field + (field.equals("title") || field.equals("abstract") ? " of paper " + (paper + 1) : "")
                + (html ? " (HTML)" : "");
        return page.getBytes(StandardCharsets.UTF_8);
    }

    private String marked(String field, String[] where) {
        String marked = text.insertAt(field, MARK);
        int at = marked.indexOf(MARK);
        where[0] = at == 0 ? "the start" : at == marked.length() - 1 ? "the end" : "the middle";
        return marked;
    }

    BadPage byteFlips() {
        boolean html = random.nextInt(4) == 0;
        byte[] page = (html ? sampleHtml : sample).clone();
        int flips = 1 + random.nextInt(random.nextBoolean() ? 3 : 200);
        boolean bits = random.nextBoolean();
        for (int i = 0; i < flips; i++) {
            int at = random.nextInt(page.length);
            page[at] = bits ? (byte) (page[at] ^ (1 << random.nextInt(8))) : (byte) random.nextInt(256);
        }
        return new BadPage(Category.BYTE_FLIPS, flips + (bits ? " bit flips" : " random bytes") + (html ? " (HTML)" : ""), changed(page, html),
                text.contentType(html), -1);
    }

    BadPage truncation() {
        boolean html = random.nextInt(4) == 0;
        byte[] page = html ? sampleHtml : sample;
        int cut = 1 + random.nextInt(page.length - 1); // never the whole page
        boolean keepHead = random.nextInt(4) != 0;
        byte[] body = keepHead ? Arrays.copyOf(page, cut) : Arrays.copyOfRange(page, cut, page.length);
        return new BadPage(Category.TRUNCATION, (keepHead ? "first " : "last ") + body.length + " bytes" + (html ? " (HTML)" : ""), body,
                text.contentType(html), -1);
    }

    BadPage duplication() {
        boolean html = random.nextInt(4) == 0;
        byte[] page = html ? sampleHtml : sample;
        int shape = random.nextInt(3);
        byte[] body;
        String what;
        if (shape == 0) {
            int copies = 2 + random.nextInt(4);
            body = concat(Collections.nCopies(copies, page).toArray(new byte[0][]));
            what = copies + " copies of the page";
        } else {
            int from = random.nextInt(page.length);
            int to = Math.min(page.length, from + 1 + random.nextInt(shape == 1 ? 4096 : 64));
            byte[] range = Arrays.copyOfRange(page, from, to);
            int copies = shape == 1 ? 1 : 1 + random.nextInt(2000);
            int at = random.nextInt(page.length + 1);
            body = concat(Arrays.copyOf(page, at), concat(Collections.nCopies(copies, range).toArray(new byte[0][])),
                    Arrays.copyOfRange(page, at, page.length));
            what = copies + " copies of bytes " + from + " to " + to;
        }
        return new BadPage(Category.DUPLICATION, what + (html ? " (HTML)" : ""), body, text.contentType(html), -1);
    }

    BadPage lineShuffle() {
        boolean html = random.nextInt(4) == 0;
        List<String> lines = new ArrayList<>(new String(html ? sampleHtml : sample, StandardCharsets.UTF_8).lines().toList());
        int shape = random.nextInt(3);
        if (shape == 0) {
            Collections.shuffle(lines, random);
        } else if (shape == 1) {
            int from = random.nextInt(lines.size());
            Collections.shuffle(lines.subList(from, Math.min(lines.size(), from + 2 + random.nextInt(12))), random);
        } else {
            Collections.reverse(lines);
        }
        String lineEnd = new String[] {"\n", "\r\n", "\r"}[random.nextInt(3)];
        byte[] body = changed(String.join(lineEnd, lines).getBytes(StandardCharsets.UTF_8), html);
        return new BadPage(Category.LINE_SHUFFLE, new String[] {"all lines shuffled", "a window shuffled", "lines reversed"}[shape]
                + (html ? " (HTML)" : ""), body, text.contentType(html), -1);
    }

    /**
     * The page, or when the mutation changed nothing (the random byte was the one there, a window of blank lines
     * shuffled) the page with one bit flipped: an unmodified fixture is no bad page, and other tests push the sample.
     */
    private byte[] changed(byte[] page, boolean html) {
        if (Arrays.equals(page, html ? sampleHtml : sample)) {
            page[random.nextInt(page.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return page;
    }

    private static final String[] SOUP = {"<", ">", "</", "<div>", "<p>", "<h3>", "</h3>", "&", "&amp;", "\"", "=", "<!--", "-->",
            "<![CDATA[", "]]>", "<script>", "<a href=", "\n", "\n\n", " ", "Mar 11", "Title", "An abstract.", "\r", "\t", "<?", "<!"};

    /** Random bytes, random code points, or random tag soup. */
    BadPage randomBytes() {
        int length = random.nextInt(random.nextInt(20) == 0 ? 200_000 : 4000);
        int shape = random.nextInt(3);
        byte[] body;
        if (shape == 0) {
            body = new byte[length];
            random.nextBytes(body);
        } else {
            StringBuilder page = new StringBuilder();
            while (page.length() < length) {
                if (shape == 1) {
                    int cp = random.nextInt(Character.MAX_CODE_POINT + 1);
                    if (cp < 0xD800 || cp > 0xDFFF) {
                        page.appendCodePoint(cp);
                    }
                } else {
                    page.append(random.nextInt(4) == 0 ? text.word() : SOUP[random.nextInt(SOUP.length)]);
                }
            }
            body = page.toString().getBytes(StandardCharsets.UTF_8);
        }
        return new BadPage(Category.RANDOM_BYTES, new String[] {"random bytes", "random code points", "tag soup"}[shape] + " of " + length,
                body, text.contentType(shape == 2), -1);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("no mark");
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
