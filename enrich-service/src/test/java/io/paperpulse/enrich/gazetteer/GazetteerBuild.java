package io.paperpulse.enrich.gazetteer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.paperpulse.contracts.EntityType;

/**
 * Builds the gazetteer files the extractor reads ({@value #OUTPUT}/&lt;type&gt;.txt) from the source lists
 * ({@value #SOURCES}/&lt;type&gt;/*.txt, see {@link SourceList}): one section per list in file-name order, each with
 * its title, sources and description, its names sorted; a name already in an earlier list of the same type is
 * dropped, and so is every name of {@value #SOURCES}/excluded/&lt;type&gt;.txt. Reads local files only.
 * <pre>
 *   bench/gazetteer-build.sh           # rewrites src/main/resources/gazetteer/*.txt
 *   bench/gazetteer-build.sh --check   # exit 1 when they differ from what the sources build
 * </pre>
 */
public final class GazetteerBuild {
    static final String SOURCES = "src/main/gazetteer-sources";
    static final String OUTPUT = "src/main/resources/gazetteer";
    static final String EXCLUDED = "excluded";

    private GazetteerBuild() {
    }

    public static void main(String[] args) throws IOException {
        boolean check = args.length > 0 && args[0].equals("--check");
        Map<String, String> built = build(Path.of(SOURCES));
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, String> file : built.entrySet()) {
            Path target = Path.of(OUTPUT, file.getKey());
            String current = Files.exists(target) ? Files.readString(target, StandardCharsets.UTF_8) : "";
            if (current.equals(file.getValue())) {
                continue;
            }
            stale.add(file.getKey());
            if (!check) {
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            }
        }
        built.forEach((file, text) -> System.out.printf(Locale.ROOT, "%-14s %6d names%n", file, names(text)));
        System.out.println((check ? "differ from the sources: " : "rewritten: ") + (stale.isEmpty() ? "none" : stale));
        if (check && !stale.isEmpty()) {
            System.exit(1);
        }
    }

    /** The text of every gazetteer file, by file name ({@code model.txt}), as the sources under {@code root} build it. */
    static Map<String, String> build(Path root) throws IOException {
        Set<String> folders = new HashSet<>();
        folders.add(EXCLUDED);
        Map<String, String> out = new LinkedHashMap<>();
        for (EntityType type : EntityType.values()) {
            String name = type.name().toLowerCase(Locale.ROOT);
            folders.add(name);
            Path dir = root.resolve(name);
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("no source folder " + dir + " for " + type);
            }
            Set<String> excluded = excluded(root.resolve(EXCLUDED).resolve(name + ".txt"), type);
            out.put(name + ".txt", render(type, lists(dir), excluded));
        }
        try (Stream<Path> children = Files.list(root)) {
            children.filter(Files::isDirectory).filter(p -> !folders.contains(p.getFileName().toString()))
                    .findFirst().ifPresent(p -> {
                        throw new IllegalArgumentException("unexpected " + p + ": a source folder is named after a type");
                    });
        }
        return out;
    }

    /** Every source list of one type, in file-name order. */
    static List<SourceList> lists(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().map(p -> {
                if (!p.getFileName().toString().endsWith(".txt")) {
                    throw new IllegalArgumentException("unexpected " + p + ": source lists are .txt files");
                }
                try {
                    return SourceList.read(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }

    private static Set<String> excluded(Path file, EntityType type) throws IOException {
        Set<String> keys = new HashSet<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String entry = SourceList.entry(line);
                if (entry != null) {
                    keys.add(key(type, entry));
                }
            }
        }
        return keys;
    }

    private static String render(EntityType type, List<SourceList> lists, Set<String> excluded) {
        String name = type.name().toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        out.append("# PaperPulse gazetteer: ").append(type).append('\n')
                .append("# Built by bench/gazetteer-build.sh from ").append(SOURCES).append('/').append(name)
                .append("/*.txt, one section per list; edit those, not this file.\n")
                .append("# Left out: the names of ").append(SOURCES).append('/').append(EXCLUDED).append('/').append(name)
                .append(".txt, and a name already in an earlier list.\n");
        Set<String> seen = new HashSet<>(excluded);
        for (SourceList list : lists) {
            List<String> names = new ArrayList<>();
            for (String entry : list.entries()) {
                if (seen.add(key(type, entry))) {
                    names.add(entry);
                }
            }
            if (names.isEmpty()) {
                continue;
            }
            names.sort(String::compareTo);
            out.append("\n# == ").append(list.title()).append(" (").append(list.file()).append(") ==\n");
            for (String source : list.sources()) {
                out.append("# source: ").append(source).append('\n');
            }
            out.append("# about: ").append(list.about()).append('\n');
            names.forEach(n -> out.append(n).append('\n'));
        }
        return out.toString();
    }

    /** What makes two lines the same name: task phrases match case-insensitively, everything else exactly. */
    private static String key(EntityType type, String entry) {
        return type == EntityType.TASK && !entry.startsWith("=") ? entry.toLowerCase(Locale.ROOT) : entry;
    }

    private static long names(String text) {
        return text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).count();
    }
}
