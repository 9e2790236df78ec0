package io.paperpulse.enrich.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

import io.paperpulse.enrich.extract.PaperExtractor;

/**
 * A change of the golden output is a change of what the extractor produces, so it needs a new
 * {@link PaperExtractor#VERSION}: the version names the consumer group that re-enriches every paper. The stamp file
 * records the golden file's SHA-256 with the version that made it; {@code bench/enrich-golden.sh --update} writes
 * both, and refuses while the version is unchanged. Together with {@link GoldenOutputTest} (output equals the golden
 * file) this fails whenever a rule or a list changes the output and the version stays the same.
 */
class ExtractorVersionGuardTest {
    @Test
    void theGoldenOutputIsRecordedWithTheCurrentVersion() throws Exception {
        String golden = GoldenOutput.read(GoldenOutput.GOLDEN);
        String stamp = GoldenOutput.read(GoldenOutput.STAMP);
        String recordedHash = GoldenOutput.stampValue(stamp, "sha256");
        String recordedVersion = GoldenOutput.stampValue(stamp, "version");
        String version = String.valueOf(PaperExtractor.VERSION);
        if (!GoldenOutput.sha256(golden).equals(recordedHash)) {
            fail(GoldenOutput.GOLDEN + " changed since version " + recordedVersion + " was recorded: "
                    + (version.equals(recordedVersion) ? "raise PaperExtractor.VERSION, then " : "")
                    + "run bench/enrich-golden.sh --update");
        }
        assertEquals(recordedVersion, version, "PaperExtractor.VERSION is "
                + PaperExtractor.VERSION + " but the golden output was recorded with version " + recordedVersion
                + ": run bench/enrich-golden.sh --update to record it");
    }

    @Test
    void aStampNamesTheVersionAndTheHashOfItsOutput() {
        String stamp = GoldenOutput.stamp(7, "entity MODEL title 0-4 BERT\n");
        assertEquals("7", GoldenOutput.stampValue(stamp, "version"));
        assertEquals(GoldenOutput.sha256("entity MODEL title 0-4 BERT\n"), GoldenOutput.stampValue(stamp, "sha256"));
    }
}
