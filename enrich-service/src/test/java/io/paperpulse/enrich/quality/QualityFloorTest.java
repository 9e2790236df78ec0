package io.paperpulse.enrich.quality;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.paperpulse.enrich.extract.PaperExtractor;

/**
 * Runs the quality harness over the labelled dev set and the recent papers' dev part: each F1 stays within 0.01 of the
 * figure measured when the floors were set (bench/enrich-quality.sh prints them), so a slip in a rule or a refactoring
 * fails here. Raise a floor when a change raises its figure. The held-out part has no floors: it is measured only at
 * the end of a change.
 */
class QualityFloorTest {
    private static final Map<String, Double> FLOORS = Map.of(
            "MODEL", 0.917, "DATASET", 0.950, "TASK", 0.862, "ORG", 0.995, "FRAMEWORK", 0.995, "METHOD", 0.649,
            "metrics", 0.962, "metrics-text", 0.980, "links", 0.995);
    private static final Map<String, Double> RECENT_DEV_FLOORS = Map.of(
            "MODEL", 0.817, "DATASET", 0.854, "TASK", 0.744, "ORG", 0.990, "FRAMEWORK", 0.452, "METHOD", 0.577,
            "metrics", 0.847, "metrics-text", 0.865, "links", 0.973);

    @Test
    void devSetFiguresStayAboveTheirFloors() throws Exception {
        assertAboveFloors("dev set", Path.of("src/test/resources/devset"), FLOORS);
    }

    @Test
    void recentDevFiguresStayAboveTheirFloors() throws Exception {
        assertAboveFloors("recent dev", Path.of("src/test/resources/recent/dev"), RECENT_DEV_FLOORS);
    }

    private static void assertAboveFloors(String name, Path folder, Map<String, Double> floors) throws Exception {
        List<DevPage> pages = DevPage.load(folder);
        assertTrue(pages.stream().anyMatch(p -> p.papers().stream().anyMatch(x -> x.labels() != null)),
                "no labelled page in " + folder);
        Map<String, QualityReport.Score> scores = QualityReport.score(pages, new PaperExtractor(), null);
        System.out.println(QualityReport.table(name, scores));
        StringBuilder below = new StringBuilder();
        floors.forEach((category, floor) -> {
            double f1 = scores.get(category).f1();
            if (f1 < floor) {
                below.append(category).append(" F1 ").append(String.format("%.3f", f1)).append(" < ").append(floor).append("; ");
            }
        });
        assertTrue(below.length() == 0, name + ": " + below);
    }
}
