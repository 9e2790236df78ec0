package io.paperpulse.ingest.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Test pages: the fixtures under {@code pages/} with their expected papers, and the shared sample digest. */
public final class Pages {
    static final Path SAMPLE = Path.of("../samples/digests/trending-papers-mar-11.txt");
    /** Fixtures are read as if received then: a date line without a year is in 2026 (or before). */
    static final Instant RECEIVED = Instant.parse("2026-03-12T08:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Pages() {
    }

    public static byte[] fixture(String name) {
        try (InputStream in = Pages.class.getResourceAsStream("/pages/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(fixture(name), StandardCharsets.UTF_8);
    }

    public static byte[] sample() {
        try {
            return Files.readAllBytes(SAMPLE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A paper of the sample as its lines give it: it is plain text, each title line followed by its abstract line. */
    public record SamplePaper(String title, String abstractText) {
    }

    /** The sample's 62 papers, read off its lines without the parser: the non-blank lines after the date line, in pairs. */
    public static List<SamplePaper> samplePapers() {
        List<String> lines = new String(sample(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        int date = lines.indexOf("Mar 11");
        return IntStream.range(0, 62).mapToObj(i -> new SamplePaper(lines.get(date + 1 + 2 * i), lines.get(date + 2 + 2 * i))).toList();
    }

    /** The title of the second paper of {@link #withLongAbstract}. */
    public static final String LONG_PAPER = "A Paper Too Long to Publish";

    /** Three papers, the second with an abstract of about {@code bytes} bytes (one paragraph of sentences). */
    public static byte[] withLongAbstract(int bytes) {
        String sentence = "We measure the effect of a very long abstract on every stage of the pipeline. ";
        String longAbstract = sentence.repeat(bytes / sentence.length() + 1).strip();
        return ("Mar 11\n\nA Short First Paper\n\nIt has a short abstract of one sentence, as most do.\n\n" + LONG_PAPER + "\n\n"
                + longAbstract + "\n\nA Short Third Paper\n\nIts abstract is short again, and it comes last.\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The page with a line of chrome on top that no other test uses: new bytes, so a new digest, with the same papers. */
    public static byte[] unique(byte[] page) {
        boolean html = new String(page, 0, Math.min(page.length, 64), StandardCharsets.UTF_8).stripLeading().startsWith("<");
        String nonce = java.util.UUID.randomUUID().toString();
        byte[] top = (html ? "<!-- " + nonce + " -->\n" : "run " + nonce + "\n\n").getBytes(StandardCharsets.UTF_8);
        byte[] variant = java.util.Arrays.copyOf(top, top.length + page.length);
        System.arraycopy(page, 0, variant, top.length, page.length);
        return variant;
    }

    static ParsedPage parse(byte[] body, String contentType) {
        return new DigestParser().parse(new PageInput(body, contentType, null, RECEIVED));
    }

    static ParsedPage parse(String body) {
        return parse(body.getBytes(StandardCharsets.UTF_8), null);
    }

    /** What a fixture's {@code .expected.json} says the parser must find. */
    record Expected(LocalDate date, int duplicatesInPage, List<PaperEntry> papers) {
        static Expected of(String fixture) {
            try {
                JsonNode root = JSON.readTree(fixture(fixture.replaceFirst("\\.(txt|html)$", ".expected.json")));
                List<PaperEntry> papers = new ArrayList<>();
                for (JsonNode p : root.get("papers")) {
                    String title = p.get("title").asText();
                    String abstractText = p.get("abstract").isNull() ? null : p.get("abstract").asText();
                    String arxivId = p.hasNonNull("arxivId") ? p.get("arxivId").asText() : null;
                    papers.add(new PaperEntry(PaperIds.fromTitle(title), title, abstractText, arxivId));
                }
                return new Expected(LocalDate.parse(root.get("date").asText()), root.path("duplicatesInPage").asInt(0), papers);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
