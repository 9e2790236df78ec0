package io.paperpulse.ingest.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.paperpulse.contracts.DigestIds;
import io.paperpulse.contracts.Topics;
import io.paperpulse.ingest.parse.PageInput;
import io.paperpulse.ingest.parse.UnparseablePageException;
import io.smallrye.mutiny.Uni;

/**
 * Consumes raw pages from {@code digests.raw}. A page that fails fails its Uni: the connector's dead-letter strategy
 * then copies the original bytes and headers to {@code digests.raw.dlq} with the reason, and consumption goes on.
 */
@ApplicationScoped
public class RawDigestConsumer {

    @Inject
    DigestIngestor ingestor;

    @Incoming("digests-raw")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return Uni.createFrom().failure(new UnparseablePageException("empty record"));
        }
        return Uni.createFrom().item(() -> new PageInput(record.value(), header(record, Topics.HEADER_CONTENT_TYPE),
                        digestDate(record), Instant.ofEpochMilli(record.timestamp())))
                .flatMap(input -> ingestor.ingest(input, DigestIds.of(record.value()), source(record)))
                .replaceWithVoid();
    }

    private static LocalDate digestDate(ConsumerRecord<String, byte[]> record) {
        String value = header(record, Topics.HEADER_DIGEST_DATE);
        try {
            return value == null ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new UnparseablePageException("header digest-date is not an ISO date (YYYY-MM-DD): " + value);
        }
    }

    private static String source(ConsumerRecord<String, byte[]> record) {
        String value = header(record, Topics.HEADER_SOURCE);
        return value == null ? "kafka" : value;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
