package io.paperpulse.enrich.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

/**
 * The extractor's output on the whole dev set equals the checked-in golden file, byte for byte. Any change in entities,
 * offsets, metrics, links or statistics fails here with a per-paper diff; a deliberate change is recorded with
 * {@code bench/enrich-golden.sh --update}.
 */
class GoldenOutputTest {
    @Test
    void devSetOutputEqualsTheGoldenFile() throws Exception {
        String golden = GoldenOutput.read(GoldenOutput.GOLDEN);
        assertTrue(!golden.isEmpty(), GoldenOutput.GOLDEN + " is missing: run bench/enrich-golden.sh --update");
        String current = GoldenOutput.render();
        if (!current.equals(golden)) {
            fail("the extractor's dev-set output differs from " + GoldenOutput.GOLDEN + "\n"
                    + LineDiff.byPaper(golden, current)
                    + "if the change is intended: raise PaperExtractor.VERSION, run bench/enrich-golden.sh --update,"
                    + " and commit the diff");
        }
    }

    @Test
    void theDiffShowsTheChangedLinesUnderTheirPaper() {
        String golden = "## p | A\nentity MODEL title 0-4 BERT\nstats words=1\n## p | B\nlink https://x.org\n";
        String now = "## p | A\nentity MODEL title 0-4 BERT\nentity TASK abstract 5-9 task\nstats words=2\n"
                + "## p | B\nlink https://x.org\n";
        assertEquals("1 paper(s) changed (- golden, + now)\n"
                + "  ## p | A\n"
                + "    - stats words=1\n"
                + "    + entity TASK abstract 5-9 task\n"
                + "    + stats words=2\n", LineDiff.byPaper(golden, now));
    }
}
