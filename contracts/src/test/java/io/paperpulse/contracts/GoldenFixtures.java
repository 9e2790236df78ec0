package io.paperpulse.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The golden JSON of each event contract, shipped in the contracts test-jar: producer tests assert they write this
 * shape, consumer tests feed it in.
 */
public final class GoldenFixtures {
    private GoldenFixtures() {
    }

    public static String parsedPaperJson() {
        return read("papers.parsed.json");
    }

    public static String enrichedPaperJson() {
        return read("papers.enriched.json");
    }

    public static String mergedPaperJson() {
        return read("papers.merged.json");
    }

    public static MergedPaper mergedPaper() {
        return EventJson.read(mergedPaperJson(), MergedPaper.class);
    }

    public static ParsedPaper parsedPaper() {
        return EventJson.read(parsedPaperJson(), ParsedPaper.class);
    }

    public static EnrichedPaper enrichedPaper() {
        return EventJson.read(enrichedPaperJson(), EnrichedPaper.class);
    }

    /** The field names of a JSON object, recursively, as dotted paths: the contract's shape without its values. */
    public static java.util.SortedSet<String> shape(String json) {
        try {
            java.util.SortedSet<String> paths = new java.util.TreeSet<>();
            collect(EventJson.mapper().readTree(json), "", paths);
            return paths;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(JsonNode node, String prefix, java.util.SortedSet<String> paths) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                String path = prefix.isEmpty() ? name : prefix + "." + name;
                paths.add(path);
                collect(node.get(name), path, paths);
            });
        } else if (node.isArray() && !node.isEmpty()) {
            collect(node.get(0), prefix + "[]", paths);
        }
    }

    private static String read(String name) {
        try (InputStream in = GoldenFixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
