package io.paperpulse.infra.reenrich;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;

import io.paperpulse.contracts.EventJson;

/**
 * The stored papers' names before a re-enrichment, kept in a JSON file: the report compares against it, however
 * often it runs, even after the changelog compacted the older revisions away.
 */
final class SnapshotFile {
    private static final TypeReference<List<PaperNames>> PAPERS = new TypeReference<>() {
    };

    private SnapshotFile() {
    }

    static void write(Path file, Collection<PaperNames> papers) {
        List<PaperNames> sorted = papers.stream().sorted(Comparator.comparing(PaperNames::id)).toList();
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            // written whole or not at all: an interrupted snapshot leaves the previous one
            Path partial = Files.createTempFile(parent, file.getFileName().toString(), ".partial");
            EventJson.mapper().writerFor(PAPERS).writeValue(partial.toFile(), sorted);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the snapshot " + file, e);
        }
    }

    static Map<String, PaperNames> read(Path file) {
        try {
            List<PaperNames> papers = EventJson.mapper().readValue(file.toFile(), PAPERS);
            return papers.stream().collect(Collectors.toUnmodifiableMap(PaperNames::id, Function.identity()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the snapshot " + file, e);
        }
    }
}
