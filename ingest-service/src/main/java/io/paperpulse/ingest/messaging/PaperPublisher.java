package io.paperpulse.ingest.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.paperpulse.contracts.ParsedPaper;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;

/** Publishes parsed papers on {@code papers.parsed}, keyed by paper id; completes when the broker has them all. */
@ApplicationScoped
public class PaperPublisher {

    @Inject
    @Channel("papers-parsed")
    MutinyEmitter<ParsedPaper> emitter;

    public Uni<Void> publish(List<ParsedPaper> papers) {
        if (papers.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Void>> sends = papers.stream().map(this::send).toList();
        return Uni.join().all(sends).andFailFast().replaceWithVoid();
    }

    private Uni<Void> send(ParsedPaper paper) {
        return emitter.sendMessage(Message.of(paper)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(paper.id()).build()));
    }
}
