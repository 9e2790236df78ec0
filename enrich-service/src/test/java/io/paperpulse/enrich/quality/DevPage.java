package io.paperpulse.enrich.quality;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One dev-set page: the digest text ({@code <name>.txt}) and, when present, its gold labels
 * ({@code <name>.labels.jsonl}, one JSON object per paper with its title, entities, links and metrics).
 */
public record DevPage(String name, List<Paper> papers) {

    /** A paper of the page with its gold labels (null labels when the page has none). */
    public record Paper(String title, String abstractText, JsonNode labels) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every page of {@code dir} (a *.txt file); labelled papers only when a labels file exists. */
    public static List<DevPage> load(Path dir) throws IOException {
        List<DevPage> pages = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return pages;
        }
        try (var files = Files.list(dir)) {
            for (Path txt : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                String name = txt.getFileName().toString().replaceFirst("\\.txt$", "");
                Path labels = dir.resolve(name + ".labels.jsonl");
                pages.add(read(name, txt, Files.exists(labels) ? labels : null));
            }
        }
        return pages;
    }

    static DevPage read(String name, Path txt, Path labels) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(txt, StandardCharsets.UTF_8)) {
            lines.add(Normalizer.normalize(line.strip(), Normalizer.Form.NFC));
        }
        List<Paper> papers = new ArrayList<>();
        if (labels == null) {
            for (String[] pair : pairs(lines)) {
                papers.add(new Paper(pair[0], pair[1], null));
            }
            return new DevPage(name, papers);
        }
        for (String json : Files.readAllLines(labels, StandardCharsets.UTF_8)) {
            if (json.isBlank()) {
                continue;
            }
            JsonNode node = JSON.readTree(json);
            String title = Normalizer.normalize(node.path("title").asText(), Normalizer.Form.NFC).strip();
            String abs = node.hasNonNull("abstract") ? node.get("abstract").asText() : abstractOf(lines, title);
            papers.add(new Paper(title, abs == null ? null : Normalizer.normalize(abs, Normalizer.Form.NFC), node));
        }
        return new DevPage(name, papers);
    }

    /** The abstract after a title line: the next non-blank line, unless it is the next paper's title. */
    static String abstractOf(List<String> lines, String title) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals(title)) {
                for (int j = i + 1; j < lines.size(); j++) {
                    if (!lines.get(j).isEmpty()) {
                        return lines.get(j);
                    }
                }
            }
        }
        return null;
    }

    /** Title / abstract pairs by shape: an abstract is a long line, its title the non-blank line before it. */
    public static List<String[]> pairs(List<String> lines) {
        List<String[]> out = new ArrayList<>();
        String previous = null;
        for (String line : lines) {
            if (line.isEmpty()) {
                continue;
            }
            if (line.length() >= 200 && previous != null && previous.length() < 200) {
                out.add(new String[] {previous, line});
            }
            previous = line;
        }
        return out;
    }
}
