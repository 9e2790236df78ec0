package io.paperpulse.resilience;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Sends records that can never succeed to a dead-letter topic (the emitter's channel): the original key, value and
 * headers plus the headers the connector's own dead-letter strategy writes ({@code dead-letter-reason}, {@code -topic},
 * {@code -partition}, {@code -offset}), so every dead letter of the pipeline reads the same and can be replayed.
 */
public final class DeadLetterWriter {
    private static final Logger LOG = Logger.getLogger(DeadLetterWriter.class);

    private final MutinyEmitter<String> emitter;

    public DeadLetterWriter(MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    /** Sends each record with the reason at the same index; completes once the broker took them all. */
    public Uni<Void> sendAll(List<? extends KafkaRecord<String, String>> records, List<String> reasons) {
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Void>> sends = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            sends.add(send(records.get(i), reasons.get(i)));
        }
        return Uni.join().all(sends).andFailFast().replaceWithVoid();
    }

    private Uni<Void> send(KafkaRecord<String, String> record, String reason) {
        RecordHeaders headers = new RecordHeaders();
        for (Header h : record.getHeaders()) {
            headers.add(h);
        }
        headers.add("dead-letter-reason", bytes(reason));
        headers.add("dead-letter-topic", bytes(record.getTopic()));
        headers.add("dead-letter-partition", bytes(String.valueOf(record.getPartition())));
        long offset = record.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getOffset).orElse(-1L);
        headers.add("dead-letter-offset", bytes(String.valueOf(offset)));
        LOG.warnf("dead-lettering %s-%d@%d: %s", record.getTopic(), record.getPartition(), offset, reason);
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.getKey()).withHeaders(headers).build();
        return emitter.sendMessage(Message.of(record.getPayload() == null ? "" : record.getPayload()).addMetadata(metadata));
    }

    private static byte[] bytes(String text) {
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    }
}
