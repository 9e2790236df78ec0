package io.paperpulse.query.messaging;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.paperpulse.contracts.EventSerializer;
import io.paperpulse.contracts.MergedPaper;
import io.paperpulse.contracts.Topics;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Announces stored revisions on the compacted changelog {@code papers.merged}, keyed by paper id; awaits the broker's acks. */
@ApplicationScoped
public class MergedPaperPublisher {
    private static final EventSerializer JSON = new EventSerializer();

    @Inject
    @Channel("papers-merged")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    MutinyEmitter<String> emitter;

    public Uni<Void> publish(List<MergedPaper> papers) {
        if (papers.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(papers.stream().map(this::send).toList()).andFailFast().replaceWithVoid();
    }

    private Uni<Void> send(MergedPaper paper) {
        String json = new String(JSON.serialize(Topics.PAPERS_MERGED, paper), StandardCharsets.UTF_8);
        return emitter.sendMessage(Message.of(json).addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(paper.id()).build()));
    }
}
