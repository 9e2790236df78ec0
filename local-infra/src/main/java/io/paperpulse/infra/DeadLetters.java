package io.paperpulse.infra;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** {@code paperpulse dlq}: prints every dead letter of every {@code .dlq} topic, with the reason, and exits. */
public final class DeadLetters {
    private static final int PREVIEW_CHARS = 160;

    public static void main(String[] args) {
        int[] count = {0};
        try (DeadLetterReader reader = new DeadLetterReader(LocalInfrastructure.env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"), null)) {
            reader.readToEnd(reader.partitions(Optional.empty()), Map.of(), records -> {
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    count[0]++;
                    print(r);
                }
            });
        }
        System.out.printf("%d dead letter(s)%n", count[0]);
    }

    private static void print(ConsumerRecord<byte[], byte[]> r) {
        System.out.printf("%s-%d@%d %s key=%s%n", r.topic(), r.partition(), r.offset(), Instant.ofEpochMilli(r.timestamp()), text(r.key()));
        for (Header h : r.headers()) {
            if (h.key().startsWith(DeadLetterReader.HEADER_PREFIX)) {
                System.out.printf("  %s: %s%n", h.key(), text(h.value()));
            }
        }
        String value = r.value() == null ? "" : text(r.value());
        System.out.printf("  value (%d bytes): %s%n", r.value() == null ? 0 : r.value().length,
                value.length() > PREVIEW_CHARS ? value.substring(0, PREVIEW_CHARS) + "…" : value);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
