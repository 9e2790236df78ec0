package io.paperpulse.enrich.gazetteer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One source list of the gazetteer: a header that says what the list holds and where its names come from, then one
 * surface form a line. The header is the file's first comment lines:
 * <pre>
 * # Title of the list
 * # source: Name of the public index, https://its.url/, read 2026-12-03      (one or more)
 * # about: in words, what was taken from it and what was left out
 * </pre>
 * A source is either an address with the date it was read, or "curated from general knowledge of the literature"
 * with a date. Later {@code #} lines, blank lines and a trailing {@code " # comment"} are ignored.
 */
record SourceList(String file, String title, List<String> sources, String about, List<String> entries) {
    static final String CURATED = "curated from general knowledge of the literature";
    private static final Pattern DATE = Pattern.compile("\\b20\\d\\d-[01]\\d-[0-3]\\d\\b");
    private static final Pattern ADDRESS = Pattern.compile("https?://\\S+");

    static SourceList read(Path path) throws IOException {
        return parse(path.getFileName().toString(), Files.readAllLines(path, StandardCharsets.UTF_8));
    }

    /** Parses a list; fails with the file's name when its header is missing or incomplete. */
    static SourceList parse(String file, List<String> lines) {
        int i = 0;
        String title = null;
        String about = null;
        List<String> sources = new ArrayList<>();
        for (; i < lines.size() && lines.get(i).startsWith("#"); i++) {
            String text = lines.get(i).substring(1).strip();
            if (i == 0) {
                title = text;
            } else if (text.startsWith("source:")) {
                sources.add(checkedSource(file, text.substring("source:".length()).strip()));
            } else if (text.startsWith("about:")) {
                about = text.substring("about:".length()).strip();
            }
        }
        if (title == null || title.isEmpty() || title.startsWith("source:") || title.startsWith("about:")) {
            throw invalid(file, "its first line must be '# <title of the list>'");
        }
        if (sources.isEmpty()) {
            throw invalid(file, "its header has no '# source:' line");
        }
        if (about == null || about.isEmpty()) {
            throw invalid(file, "its header has no '# about:' line");
        }
        List<String> entries = new ArrayList<>();
        for (; i < lines.size(); i++) {
            String entry = entry(lines.get(i));
            if (entry != null) {
                entries.add(entry);
            }
        }
        if (entries.isEmpty()) {
            throw invalid(file, "it holds no names");
        }
        return new SourceList(file, title, List.copyOf(sources), about, List.copyOf(entries));
    }

    /** The surface form of a list line, or null for a blank or comment line. */
    static String entry(String raw) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) {
            return null;
        }
        int comment = line.indexOf(" #");
        return comment > 0 ? line.substring(0, comment).strip() : line;
    }

    private static String checkedSource(String file, String source) {
        if (!DATE.matcher(source).find()) {
            throw invalid(file, "source '" + source + "' says not when it was read (YYYY-MM-DD)");
        }
        if (!ADDRESS.matcher(source).find() && !source.startsWith(CURATED)) {
            throw invalid(file, "source '" + source + "' names no address (https://...) and is not '" + CURATED + "'");
        }
        return source;
    }

    private static IllegalArgumentException invalid(String file, String why) {
        return new IllegalArgumentException("gazetteer source " + file + ": " + why);
    }
}
