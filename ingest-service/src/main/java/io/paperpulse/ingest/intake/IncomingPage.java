package io.paperpulse.ingest.intake;

import java.time.Instant;

/**
 * A raw page as either path received it, nothing checked yet.
 *
 * @param body the page bytes
 * @param contentType the declared media type, or {@code null}
 * @param date the digest date given with it (REST {@code date}, Kafka header {@code digest-date}), unparsed, or {@code null}
 * @param source who pushed it (REST {@code source}, Kafka header {@code source})
 * @param receivedAt when it arrived, to the millisecond (what the store keeps)
 */
public record IncomingPage(byte[] body, String contentType, String date, String source, Instant receivedAt) {
}
