package io.paperpulse.ingest.parse;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A raw page as received.
 *
 * @param body the page bytes
 * @param contentType the declared media type, or {@code null}
 * @param date the digest date given with the page (Kafka header or REST parameter), or {@code null}
 * @param receivedAt when it arrived; a date without year resolves to the latest such date not after it
 */
public record PageInput(byte[] body, String contentType, LocalDate date, Instant receivedAt) {
}
