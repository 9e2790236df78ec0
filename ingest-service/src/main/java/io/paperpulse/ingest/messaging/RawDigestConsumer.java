package io.paperpulse.ingest.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.mongodb.MongoException;

import io.paperpulse.contracts.Topics;
import io.paperpulse.ingest.intake.DigestIngestor;
import io.paperpulse.ingest.intake.IncomingPage;
import io.paperpulse.ingest.intake.IngestConfig;
import io.paperpulse.ingest.intake.IngestOutcome;
import io.paperpulse.ingest.intake.PageBusyException;
import io.paperpulse.resilience.OutageRetry;
import io.smallrye.mutiny.Uni;

/**
 * Consumes raw pages from {@code digests.raw}, at least once. A page refused for what it is (or one that fails in a way
 * nobody foresaw) fails its Uni: the connector's dead-letter strategy then copies the original bytes and headers to
 * {@code digests.raw.dlq}, adding the reason, source topic, partition and offset, and consumption goes on. A record
 * with no value is read as an empty page, and so dead-lettered too. A page that MongoDB or Kafka failed is fine
 * itself: it is tried again, waiting longer each time, and neither acknowledged nor followed by the next record until
 * it goes through; meanwhile the service reports itself not ready ({@link StoreReadiness}). A page another push
 * holds is committed only once all its papers are out, by that push or, when it is gone, by this one.
 */
@ApplicationScoped
public class RawDigestConsumer {
    private static final String DEFAULT_SOURCE = "kafka";
    /** MongoDB or the Kafka broker failed or did not answer: nothing to do with the page. */
    static final List<Class<? extends Throwable>> OUTAGES = List.of(MongoException.class, RetriableException.class);

    @Inject
    DigestIngestor ingestor;

    @Inject
    IngestConfig config;

    @Inject
    @Readiness
    StoreReadiness readiness;

    @Incoming("digests-raw")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        String source = header(record, Topics.HEADER_SOURCE);
        IncomingPage page = new IncomingPage(record.value() == null ? new byte[0] : record.value(),
                header(record, Topics.HEADER_CONTENT_TYPE), header(record, Topics.HEADER_DIGEST_DATE),
                source == null ? DEFAULT_SOURCE : source, Instant.ofEpochMilli(record.timestamp()));
        String what = "page at " + record.topic() + "-" + record.partition() + "@" + record.offset();
        // a page another push holds is committed only once that push published it all, or took over when it is gone
        Uni<IngestOutcome> untilPublished = ingestor.ingest(page)
                .onFailure(PageBusyException.class).retry().withBackOff(config.retryBackoff(), config.retryMaxBackoff()).indefinitely();
        return new OutageRetry(OUTAGES, readiness, config.retryBackoff(), config.retryMaxBackoff())
                .untilThrough(untilPublished, what)
                .replaceWithVoid();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
