package io.paperpulse.e2e;

import org.junit.jupiter.api.Test;

import io.paperpulse.infra.EmbeddedStore;
import io.paperpulse.infra.KraftBroker;
import io.paperpulse.infra.TopicSetup;

/** The packaged services as separate processes on the embedded default: a real KRaft broker and mongo-java-server. */
class EmbeddedPipelineIT {

    @Test
    void sampleDigestPushedTwiceIsServedOnceWithExactTitles() throws Exception {
        try (KraftBroker broker = KraftBroker.temporary().start(); EmbeddedStore store = EmbeddedStore.inMemory().start(0)) {
            TopicSetup.createMissing(broker.bootstrapServers());
            try (PipelineProcesses services = new PipelineProcesses(broker.bootstrapServers(), store.connectionString())) {
                SampleDigestScenario.run(broker.bootstrapServers(), services);
            }
        }
    }
}
