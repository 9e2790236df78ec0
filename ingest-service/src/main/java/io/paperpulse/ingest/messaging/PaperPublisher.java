package io.paperpulse.ingest.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.paperpulse.contracts.ParsedPaper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Publishes parsed papers on {@code papers.parsed}, keyed by paper id; completes when the broker has them all. */
@ApplicationScoped
public class PaperPublisher {
    /** Sends in flight at once: a page of thousands of papers must not overflow the emitter's buffer. */
    private static final int IN_FLIGHT = 64;

    @Inject
    @Channel("papers-parsed")
    MutinyEmitter<ParsedPaper> emitter;

    public Uni<Void> publish(List<ParsedPaper> papers) {
        return Multi.createFrom().iterable(papers)
                .onItem().transformToUni(this::send).merge(IN_FLIGHT)
                .collect().last()
                .replaceWithVoid();
    }

    private Uni<Void> send(ParsedPaper paper) {
        return emitter.sendMessage(Message.of(paper)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(paper.id()).build()));
    }
}
