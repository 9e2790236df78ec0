package io.paperpulse.ingest.messaging;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.Record;
import org.apache.kafka.common.record.RecordBatch;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.paperpulse.contracts.EventSerializer;
import io.paperpulse.contracts.ParsedPaper;
import io.paperpulse.contracts.Topics;
import io.paperpulse.ingest.parse.RejectedPageException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes parsed papers on {@code papers.parsed}, keyed by paper id; completes when the broker has them all. A page
 * is all or nothing: every paper is serialized and measured against the producer's {@code max.request.size} before
 * the first send, so a paper the producer would refuse refuses its whole page and leaves nothing published.
 */
@ApplicationScoped
public class PaperPublisher {
    static final String CHANNEL = "papers-parsed";
    /** Sends in flight at once: a page of thousands of papers must not overflow the emitter's buffer. */
    private static final int IN_FLIGHT = 64;

    @Inject
    @Channel(CHANNEL)
    MutinyEmitter<byte[]> emitter;

    @Inject
    KafkaClientService clients;

    private final EventSerializer serializer = new EventSerializer();
    private volatile int maxRecordBytes;

    public Uni<Void> publish(List<ParsedPaper> papers) {
        return Uni.createFrom().item(() -> serialized(papers))
                .onItem().transformToMulti(records -> Multi.createFrom().iterable(records))
                .onItem().transformToUni(this::send).merge(IN_FLIGHT)
                .collect().last()
                .replaceWithVoid();
    }

    private record Outgoing(String key, byte[] value) {
    }

    /** Every paper as the bytes the producer sends; throws for the first one over the size limit, before any send. */
    private List<Outgoing> serialized(List<ParsedPaper> papers) {
        int limit = maxRecordBytes();
        List<Outgoing> records = papers.stream().map(p -> new Outgoing(p.id(), serializer.serialize(Topics.PAPERS_PARSED, p))).toList();
        for (int i = 0; i < records.size(); i++) {
            int size = recordSize(records.get(i));
            if (size > limit) {
                ParsedPaper paper = papers.get(i);
                throw new RejectedPageException(RejectedPageException.Kind.PAPER_TOO_LARGE, "paper " + (i + 1) + " '" + shortTitle(paper.title())
                        + "' (id " + paper.id() + ") is " + size + " bytes as a record of " + Topics.PAPERS_PARSED + ", over the limit of "
                        + limit + " bytes (" + ProducerConfig.MAX_REQUEST_SIZE_CONFIG + "); the page is refused whole, none of its papers was published");
            }
        }
        return records;
    }

    /** What the producer counts against {@code max.request.size}: key, value, headers (none) and the batch around them. */
    static int recordSize(Outgoing record) {
        return AbstractRecords.estimateSizeInBytesUpperBound(RecordBatch.CURRENT_MAGIC_VALUE, CompressionType.NONE,
                record.key().getBytes(StandardCharsets.UTF_8), record.value(), Record.EMPTY_HEADERS);
    }

    private int maxRecordBytes() {
        if (maxRecordBytes == 0) {
            Object configured = clients.getProducer(CHANNEL).configuration().get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
            Object limit = configured != null ? configured : ProducerConfig.configDef().defaultValues().get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
            maxRecordBytes = Integer.parseInt(limit.toString());
        }
        return maxRecordBytes;
    }

    private static String shortTitle(String title) {
        return title.length() <= 80 ? title : title.substring(0, 79) + "…";
    }

    private Uni<Void> send(Outgoing record) {
        return emitter.sendMessage(Message.of(record.value())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(record.key()).build()));
    }
}
