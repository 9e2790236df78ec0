package io.paperpulse.e2e;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import io.paperpulse.infra.EmbeddedStore;
import io.paperpulse.infra.KraftBroker;
import io.paperpulse.infra.Topics;

/** The packaged services as separate processes on the embedded default: a real KRaft broker and mongo-java-server. */
class EmbeddedPipelineIT {

    @Test
    void sampleDigestPushedTwiceIsServedOnceWithExactTitles() throws Exception {
        try (KraftBroker broker = new KraftBroker(Files.createTempDirectory("e2e-kafka"), PipelineProcesses.freePort(),
                PipelineProcesses.freePort()).start();
                EmbeddedStore store = EmbeddedStore.inMemory().start(0)) {
            Topics.createMissing(broker.bootstrapServers());
            try (PipelineProcesses services = new PipelineProcesses(broker.bootstrapServers(), store.connectionString())) {
                SampleDigestScenario.run(broker.bootstrapServers(), services);
            }
        }
    }
}
