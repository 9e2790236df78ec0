package io.paperpulse.e2e;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import io.paperpulse.infra.TopicSetup;

/**
 * The same scenario on a real MongoDB replica set and the official Apache Kafka image. Needs Docker: skipped, not
 * failed, where there is none.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerPipelineIT {

    @Test
    void sampleDigestPushedTwiceIsServedOnceOnRealMongoAndKafka() throws Exception {
        try (KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2");
                MongoDBContainer mongo = new MongoDBContainer("mongo:7")) {
            kafka.start();
            mongo.start();
            TopicSetup.createMissing(kafka.getBootstrapServers());
            try (PipelineProcesses services = new PipelineProcesses(kafka.getBootstrapServers(), mongo.getReplicaSetUrl())) {
                SampleDigestScenario.run(kafka.getBootstrapServers(), services);
            }
        }
    }
}
