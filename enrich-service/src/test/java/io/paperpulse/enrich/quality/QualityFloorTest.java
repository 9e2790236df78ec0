package io.paperpulse.enrich.quality;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.paperpulse.enrich.extract.PaperExtractor;

/**
 * Runs the quality harness over the labelled dev set: each F1 stays within 0.01 of the figure measured when the floors
 * were set (bench/enrich-quality.sh prints them), so a slip in a rule or a refactoring fails here. Raise a floor when a
 * change raises its figure.
 */
class QualityFloorTest {
    private static final Map<String, Double> FLOORS = Map.of(
            "MODEL", 0.910, "DATASET", 0.950, "TASK", 0.805, "ORG", 0.995, "FRAMEWORK", 0.995, "METHOD", 0.650,
            "metrics", 0.940, "metrics-text", 0.980, "links", 0.995);

    @Test
    void devSetFiguresStayAboveTheirFloors() throws Exception {
        List<DevPage> pages = DevPage.load(Path.of("src/test/resources/devset"));
        assertTrue(pages.stream().anyMatch(p -> p.papers().stream().anyMatch(x -> x.labels() != null)),
                "no labelled dev page");
        Map<String, QualityReport.Score> scores = QualityReport.score(pages, new PaperExtractor(), null);
        System.out.println(QualityReport.table("dev set", scores));
        StringBuilder below = new StringBuilder();
        FLOORS.forEach((name, floor) -> {
            double f1 = scores.get(name).f1();
            if (f1 < floor) {
                below.append(name).append(" F1 ").append(String.format("%.3f", f1)).append(" < ").append(floor).append("; ");
            }
        });
        assertTrue(below.length() == 0, below.toString());
    }
}
