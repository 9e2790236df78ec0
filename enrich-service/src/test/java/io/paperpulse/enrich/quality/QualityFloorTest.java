package io.paperpulse.enrich.quality;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.paperpulse.enrich.extract.PaperExtractor;

/**
 * Runs the quality harness over the labelled dev set and guards against regressions with floors well below the
 * current figures. The real targets (F1 0.90 / 0.80 / 0.85 / 1.0) are reported by bench/enrich-quality.sh, not
 * asserted here.
 */
class QualityFloorTest {
    private static final Map<String, Double> FLOORS = Map.of(
            "MODEL", 0.70, "DATASET", 0.70, "TASK", 0.55, "ORG", 0.50, "FRAMEWORK", 0.50,
            "metrics", 0.80, "metrics-text", 0.85, "links", 0.95);

    @Test
    void devSetFiguresStayAboveTheirFloors() throws Exception {
        List<DevPage> pages = DevPage.load(Path.of("src/test/resources/devset"));
        assumeTrue(pages.stream().anyMatch(p -> p.papers().stream().anyMatch(x -> x.labels() != null)),
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
