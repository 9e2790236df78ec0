package io.paperpulse.ingest.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.paperpulse.contracts.Topics;
import io.smallrye.mutiny.Uni;

/**
 * Consumes raw pages from {@code digests.raw}. A page that fails fails its Uni: the connector's dead-letter strategy
 * then copies the original bytes and headers to {@code digests.raw.dlq}, adding the reason, source topic, partition
 * and offset, and consumption goes on. A record with no value is read as an empty page, and so dead-lettered too.
 */
@ApplicationScoped
public class RawDigestConsumer {
    private static final String DEFAULT_SOURCE = "kafka";

    @Inject
    DigestIngestor ingestor;

    @Incoming("digests-raw")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        String source = header(record, Topics.HEADER_SOURCE);
        IncomingPage page = new IncomingPage(record.value() == null ? new byte[0] : record.value(),
                header(record, Topics.HEADER_CONTENT_TYPE), header(record, Topics.HEADER_DIGEST_DATE),
                source == null ? DEFAULT_SOURCE : source, Instant.ofEpochMilli(record.timestamp()));
        return ingestor.ingest(page).replaceWithVoid();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
