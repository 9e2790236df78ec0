package io.paperpulse.enrich.gazetteer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.paperpulse.contracts.EntityType;

class GazetteerBuildTest {
    private static final String HEADER = "# Test names\n# source: A public list, https://example.org/list, read 2026-12-03\n"
            + "# about: names for the test\n\n";

    @Test
    void theCheckedInGazetteerIsWhatItsSourcesBuild() throws IOException {
        Map<String, String> built = GazetteerBuild.build(Path.of(GazetteerBuild.SOURCES));
        for (Map.Entry<String, String> file : built.entrySet()) {
            String checkedIn = Files.readString(Path.of(GazetteerBuild.OUTPUT, file.getKey()), StandardCharsets.UTF_8);
            assertEquals(file.getValue(), checkedIn, GazetteerBuild.OUTPUT + "/" + file.getKey()
                    + " is not what its sources build: edit the sources, then run bench/gazetteer-build.sh");
        }
    }

    @Test
    void everySourceListNamesItsSource() throws IOException {
        List<String> problems = new ArrayList<>();
        for (EntityType type : EntityType.values()) {
            Path dir = Path.of(GazetteerBuild.SOURCES, type.name().toLowerCase(Locale.ROOT));
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    try {
                        SourceList.read(file);
                    } catch (IllegalArgumentException e) {
                        problems.add(e.getMessage());
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void aListWithoutASourceFailsTheBuild(@TempDir Path root) throws IOException {
        Path dir = sources(root);
        Files.writeString(dir.resolve("model/plain.txt"), "# Some names\n# about: no source given\n\nZeta\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GazetteerBuild.build(dir));
        assertTrue(e.getMessage().contains("plain.txt") && e.getMessage().contains("source"), e.getMessage());
    }

    @Test
    void aSourceNeedsAnAddressAndTheDateItWasRead() {
        assertThrows(IllegalArgumentException.class, () -> SourceList.parse("a.txt",
                List.of("# Names", "# source: a leaderboard I once saw, read 2026-12-03", "# about: x", "Zeta")));
        assertThrows(IllegalArgumentException.class, () -> SourceList.parse("b.txt",
                List.of("# Names", "# source: https://example.org/list", "# about: x", "Zeta")));
        assertEquals(List.of("Zeta"), SourceList.parse("c.txt",
                List.of("# Names", "# source: " + SourceList.CURATED + " (2026-12-03)", "# about: x", "Zeta")).entries());
    }

    @Test
    void namesAreSortedWithinTheirListDedupedAcrossListsAndExclusionsDropped(@TempDir Path root) throws IOException {
        Path dir = sources(root);
        Files.writeString(dir.resolve("model/a.txt"), HEADER + "Zeta\nAlpha # the first\nFlux\n");
        Files.writeString(dir.resolve("model/b.txt"), HEADER + "Alpha\nBeta\n");
        Files.writeString(dir.resolve("excluded/model.txt"), "# common words\nFlux # a physics word\n");
        Files.writeString(dir.resolve("task/a.txt"), HEADER + "text classification\n=NER\n");
        Files.writeString(dir.resolve("task/b.txt"), HEADER + "Text Classification\nsentiment analysis\n");
        Map<String, String> built = GazetteerBuild.build(dir);
        assertEquals(List.of("Alpha", "Zeta", "Beta"), names(built.get("model.txt")));
        assertEquals(List.of("=NER", "text classification", "sentiment analysis"), names(built.get("task.txt")));
        assertTrue(built.get("model.txt").contains("# source: A public list, https://example.org/list, read 2026-12-03"));
    }

    private static Path sources(Path root) throws IOException {
        Path dir = root.resolve("sources");
        for (EntityType type : EntityType.values()) {
            Files.createDirectories(dir.resolve(type.name().toLowerCase(Locale.ROOT)));
        }
        Files.createDirectories(dir.resolve(GazetteerBuild.EXCLUDED));
        return dir;
    }

    private static List<String> names(String gazetteer) {
        return gazetteer.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }
}
