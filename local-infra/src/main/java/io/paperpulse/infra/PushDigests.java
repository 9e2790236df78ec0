package io.paperpulse.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import io.paperpulse.contracts.DigestIds;
import io.paperpulse.contracts.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code paperpulse push}: sends each file, whole, as one record on {@code digests.raw}, keyed by the SHA-256 of its
 * bytes (the digest id ingest-service derives too). Options: {@code --date YYYY-MM-DD}, {@code --source NAME}.
 */
public final class PushDigests {

    public static void main(String[] args) throws Exception {
        String date = null;
        String source = null;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--date" -> date = args[++i];
                case "--source" -> source = args[++i];
                default -> files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty()) {
            System.err.println("usage: paperpulse push [--date YYYY-MM-DD] [--source NAME] FILE...");
            System.exit(2);
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfrastructure.env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(TopicSetup.MAX_PAGE_BYTES));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (Path file : files) {
                byte[] page = Files.readAllBytes(file);
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.DIGESTS_RAW, DigestIds.of(page), page);
                if (date != null) {
                    record.headers().add(Topics.HEADER_DIGEST_DATE, date.getBytes(StandardCharsets.UTF_8));
                }
                if (source != null) {
                    record.headers().add(Topics.HEADER_SOURCE, source.getBytes(StandardCharsets.UTF_8));
                }
                RecordMetadata sent = producer.send(record).get();
                System.out.printf("pushed %s (%d bytes) to %s-%d@%d%n", file, page.length, sent.topic(), sent.partition(), sent.offset());
            }
        }
    }
}
