package io.paperpulse.enrich.extract.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Word lists kept as class-path resources: one entry a line, blank lines and lines starting with {@code #} ignored,
 * surrounding spaces stripped (a tab inside a line is kept, for two-column lists).
 */
public final class WordList {
    private WordList() {
    }

    /** The entries of a list that must exist. */
    public static Set<String> set(String resource) {
        return Set.copyOf(entries(resource));
    }

    /** The entries of a list that must exist, in file order. */
    public static List<String> entries(String resource) {
        List<String> lines = lines(resource);
        if (lines == null) {
            throw new IllegalStateException("word list " + resource + " is not on the class path");
        }
        List<String> out = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                out.add(line);
            }
        }
        return out;
    }

    /** Every line of a UTF-8 resource, or null when there is none. */
    public static List<String> lines(String resource) {
        try (InputStream in = WordList.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            List<String> lines = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.add(line);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
