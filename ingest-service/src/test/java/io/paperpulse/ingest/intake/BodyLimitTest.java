package io.paperpulse.ingest.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The page size limit the service starts with: 1 byte to 15 MiB, else it says why and does not start. */
class BodyLimitTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1", "5242880", "15728640", " 262144 "})
    void limitsTheServiceCanHonourAreTaken(String value) {
        assertEquals(Integer.parseInt(value.strip()), new BodyLimit().convert(value));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0", "-1", "15728641", "16777216", "5MiB", "2147483648"})
    void otherValuesStopTheStartWithTheReason(String value) {
        IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class, () -> new BodyLimit().convert(value));
        assertTrue(refusal.getMessage().startsWith("INGEST_MAX_BODY_BYTES (paperpulse.ingest.max-body-bytes): "), refusal.getMessage());
        assertTrue(refusal.getMessage().endsWith("it must be from 1 to 15728640 (15 MiB), since a page is stored in one MongoDB document"),
                refusal.getMessage());
    }
}
