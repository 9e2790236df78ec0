package io.paperpulse.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import io.paperpulse.contracts.Topics;

/** What `./paperpulse up` relies on: a second start finds the first one's topics, records and documents. */
class RestartKeepsDataTest {

    @Test
    void brokerRestartedOnItsDataKeepsClusterIdTopicsAndRecords(@TempDir Path dir) throws Exception {
        List<Integer> ports = Ports.free(2);
        int port = ports.get(0);
        int controller = ports.get(1);
        try (KraftBroker broker = new KraftBroker(dir, port, controller).start()) {
            TopicSetup.createMissing(broker.bootstrapServers());
            produce(broker.bootstrapServers(), "kept across restarts");
        }
        String clusterId = Files.readString(dir.resolve("cluster.id"));

        try (KraftBroker broker = new KraftBroker(dir, port, controller).start()) {
            TopicSetup.createMissing(broker.bootstrapServers()); // a no-op now
            assertEquals(List.of("kept across restarts"), consumeAll(broker.bootstrapServers()));
        }
        assertEquals(clusterId, Files.readString(dir.resolve("cluster.id")));
    }

    @Test
    void interruptedFirstStartIsPickedUpAgain(@TempDir Path dir) {
        List<Integer> ports = Ports.free(2);
        int port = ports.get(0);
        int controller = ports.get(1);
        new KraftBroker(dir, port, controller).start().close();
        // as if the first start died after formatting, before it kept the id
        dir.resolve("cluster.id").toFile().delete();
        try (KraftBroker broker = new KraftBroker(dir, port, controller).start()) {
            TopicSetup.createMissing(broker.bootstrapServers());
        }
        assertTrue(Files.exists(dir.resolve("cluster.id")));
    }

    @Test
    void persistentStoreKeepsDocumentsAcrossRestarts(@TempDir Path dir) {
        Path file = dir.resolve("store.mv");
        try (EmbeddedStore store = EmbeddedStore.persistent(file).start(0);
                MongoClient client = MongoClients.create(store.connectionString())) {
            client.getDatabase("paperpulse").getCollection("papers").insertOne(new Document("_id", "p1").append("title", "Kept"));
        }
        try (EmbeddedStore store = EmbeddedStore.persistent(file).start(0);
                MongoClient client = MongoClients.create(store.connectionString())) {
            Document found = client.getDatabase("paperpulse").getCollection("papers").find(new Document("_id", "p1")).first();
            assertEquals("Kept", found.getString("title"));
        }
    }

    private static void produce(String bootstrap, String value) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.DIGESTS_RAW, "k", value)).get();
        }
    }

    private static List<String> consumeAll(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "restart-test");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.DIGESTS_RAW));
            long deadline = System.currentTimeMillis() + 30_000;
            while (values.isEmpty() && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
        }
        return values;
    }
}
