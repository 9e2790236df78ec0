package io.paperpulse.enrich.golden;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import io.paperpulse.contracts.Entity;
import io.paperpulse.contracts.Metric;
import io.paperpulse.enrich.extract.Extraction;
import io.paperpulse.enrich.extract.PaperExtractor;
import io.paperpulse.enrich.quality.DevPage;

/**
 * The extractor's whole output on the dev set as text, one line per finding, so that a change shows as a readable
 * diff in review. Checked in as {@value #GOLDEN}; {@value #STAMP} records its SHA-256 with the
 * {@link PaperExtractor#VERSION} that produced it. Regenerate with {@code bench/enrich-golden.sh --update}.
 */
public final class GoldenOutput {
    static final Path DEVSET = Path.of("src/test/resources/devset");
    static final Path GOLDEN = Path.of("src/test/resources/golden/devset.golden.txt");
    static final Path STAMP = Path.of("src/test/resources/golden/devset.version");

    private GoldenOutput() {
    }

    /** The current extractor's output on every dev-set paper. */
    static String render() throws IOException {
        PaperExtractor extractor = new PaperExtractor();
        StringBuilder out = new StringBuilder();
        for (DevPage page : DevPage.load(DEVSET)) {
            for (DevPage.Paper paper : page.papers()) {
                render(out, page.name(), paper, extractor.extract(paper.title(), paper.abstractText()));
            }
        }
        return out.toString();
    }

    private static void render(StringBuilder out, String page, DevPage.Paper paper, Extraction x) {
        out.append("## ").append(page).append(" | ").append(paper.title()).append('\n');
        for (Entity e : x.entities()) {
            out.append("entity ").append(e.type()).append(' ').append(e.field()).append(' ').append(e.start())
                    .append('-').append(e.end()).append(' ').append(e.text()).append('\n');
        }
        for (Metric m : x.metrics()) {
            out.append("metric ").append(m.kind()).append(' ').append(m.start()).append('-').append(m.end())
                    .append(" value=").append(m.value()).append(' ').append(m.text()).append('\n');
        }
        for (String link : x.links()) {
            out.append("link ").append(link).append('\n');
        }
        out.append(String.format(Locale.ROOT, "stats words=%d sentences=%d minutes=%s%n", x.stats().words(),
                x.stats().sentences(), x.stats().readingMinutes()));
    }

    static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    static String sha256(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stamp file's text for a golden output made by {@code version}. */
    static String stamp(int version, String golden) {
        return "# PaperExtractor.VERSION that produced devset.golden.txt, and that file's SHA-256\n"
                + "version=" + version + "\nsha256=" + sha256(golden) + "\n";
    }

    /** The value of {@code key=} in a stamp, or null. */
    static String stampValue(String stamp, String key) {
        for (String line : stamp.split("\n")) {
            if (line.startsWith(key + "=")) {
                return line.substring(key.length() + 1).strip();
            }
        }
        return null;
    }

    /**
     * {@code --update}: writes the current output as the golden file. A changed output needs a new
     * {@link PaperExtractor#VERSION} (it names the consumer group that re-enriches every paper), so the update is
     * refused while the version is the one recorded with the old output. Without arguments: prints the diff.
     */
    public static void main(String[] args) throws IOException {
        String current = render();
        String golden = read(GOLDEN);
        String recordedVersion = stampValue(read(STAMP), "version");
        boolean update = List.of(args).contains("--update");
        if (current.equals(golden)) {
            System.out.println("golden output unchanged (" + GOLDEN + ", version " + recordedVersion + ")");
            if (update && !String.valueOf(PaperExtractor.VERSION).equals(recordedVersion)) {
                Files.writeString(STAMP, stamp(PaperExtractor.VERSION, current), StandardCharsets.UTF_8);
                System.out.println("recorded version " + PaperExtractor.VERSION + " in " + STAMP);
            }
            return;
        }
        if (!golden.isEmpty()) {
            System.out.println(LineDiff.byPaper(golden, current));
        }
        if (!update) {
            System.out.println("golden output differs; review the diff, then run bench/enrich-golden.sh --update");
            System.exit(1);
        }
        if (String.valueOf(PaperExtractor.VERSION).equals(recordedVersion)) {
            System.out.println("not updated: the output changed but PaperExtractor.VERSION is still " + recordedVersion
                    + "; raise it, then run bench/enrich-golden.sh --update again");
            System.exit(2);
        }
        Files.createDirectories(GOLDEN.getParent());
        Files.writeString(GOLDEN, current, StandardCharsets.UTF_8);
        Files.writeString(STAMP, stamp(PaperExtractor.VERSION, current), StandardCharsets.UTF_8);
        System.out.println("updated " + GOLDEN + " and " + STAMP + " (version " + PaperExtractor.VERSION + ")");
    }
}
