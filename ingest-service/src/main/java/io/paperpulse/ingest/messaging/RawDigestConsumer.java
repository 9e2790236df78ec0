package io.paperpulse.ingest.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.mongodb.MongoException;

import io.paperpulse.contracts.Topics;
import io.paperpulse.ingest.intake.DigestIngestor;
import io.paperpulse.ingest.intake.IncomingPage;
import io.paperpulse.ingest.intake.IngestConfig;
import io.smallrye.mutiny.Uni;

/**
 * Consumes raw pages from {@code digests.raw}, at least once. A page refused for what it is (or one that fails in a way
 * nobody foresaw) fails its Uni: the connector's dead-letter strategy then copies the original bytes and headers to
 * {@code digests.raw.dlq}, adding the reason, source topic, partition and offset, and consumption goes on. A record
 * with no value is read as an empty page, and so dead-lettered too. A page that MongoDB or Kafka failed is fine
 * itself: it is tried again, waiting longer each time, and neither acknowledged nor followed by the next record until
 * it goes through; meanwhile the service reports itself not ready ({@link StoreReadiness}).
 */
@ApplicationScoped
public class RawDigestConsumer {
    private static final Logger LOG = Logger.getLogger(RawDigestConsumer.class);
    private static final String DEFAULT_SOURCE = "kafka";
    /** How deep to look for an outage among the causes of a failure. */
    private static final int CAUSE_DEPTH = 8;

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
        return ingestor.ingest(page)
                .onFailure(RawDigestConsumer::isOutage).invoke(failure -> {
                    LOG.warnf("page at %s-%d@%d not stored, trying again: %s", record.topic(), record.partition(), record.offset(), failure);
                    readiness.failing(failure);
                })
                .onFailure(RawDigestConsumer::isOutage).retry()
                .withBackOff(config.retryBackoff(), config.retryMaxBackoff()).indefinitely()
                .onTermination().invoke(readiness::recovered)
                .replaceWithVoid();
    }

    /** MongoDB or the Kafka broker failed or did not answer: nothing to do with the page. */
    static boolean isOutage(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < CAUSE_DEPTH; depth++, cause = cause.getCause()) {
            if (cause instanceof MongoException || cause instanceof RetriableException) {
                return true;
            }
        }
        return false;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
