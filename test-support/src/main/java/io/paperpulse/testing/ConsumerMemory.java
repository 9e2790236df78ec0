package io.paperpulse.testing;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.eclipse.microprofile.config.ConfigProvider;

import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;

/**
 * The most a Kafka channel's consumer may hold in memory at once: the records the connector queues (it pauses the
 * consumer once {@code max-queue-size-factor} polls' worth wait), each as large as the largest record, and the fetch
 * being read plus the next one. Read from the consumer the connector made, so that it is what really runs.
 */
public final class ConsumerMemory {
    /** The connector's default queue factor. */
    private static final int DEFAULT_QUEUE_FACTOR = 2;

    private ConsumerMemory() {
    }

    /** Summed over the channel's consumers: a channel with {@code concurrency} N runs N, named {@code channel$1} to {@code $N}. */
    public static long worstCaseBytes(String channel, KafkaClientService clients, long largestRecord) {
        long total = 0;
        int consumers = 0;
        for (String name : clients.getConsumerChannels()) {
            if (name.equals(channel) || name.startsWith(channel + "$")) {
                for (KafkaConsumer<Object, Object> consumer : clients.getConsumers(name)) {
                    total += worstCaseBytes(channel, consumer.configuration(), largestRecord);
                    consumers++;
                }
            }
        }
        if (consumers == 0) {
            throw new IllegalArgumentException("no Kafka consumer for channel " + channel);
        }
        return total;
    }

    private static long worstCaseBytes(String channel, Map<String, ?> consumer, long largestRecord) {
        long records = number(consumer, ConsumerConfig.MAX_POLL_RECORDS_CONFIG);
        long fetch = Math.max(number(consumer, ConsumerConfig.FETCH_MAX_BYTES_CONFIG), number(consumer, ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG));
        int factor = ConfigProvider.getConfig().getOptionalValue("mp.messaging.incoming." + channel + ".max-queue-size-factor", Integer.class)
                .orElse(DEFAULT_QUEUE_FACTOR);
        return records * factor * largestRecord + 2 * fetch;
    }

    /** A setting the consumer was given; one left to the client's default counts as unbounded. */
    private static long number(Map<String, ?> consumer, String name) {
        Object value = consumer.get(name);
        return value == null ? Integer.MAX_VALUE : Long.parseLong(value.toString());
    }
}
