package io.paperpulse.enrich.messaging;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

import io.paperpulse.contracts.EnrichedPaper;
import io.paperpulse.contracts.EventJson;
import io.paperpulse.contracts.ParsedPaper;
import io.paperpulse.enrich.extract.Extraction;
import io.paperpulse.enrich.extract.PaperExtractor;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.Record;

/**
 * papers.parsed to papers.enriched, keyed by paper id. A record that is not a valid paper fails its Uni and goes to
 * {@code papers.parsed.dlq} with the reason.
 */
@ApplicationScoped
public class PaperEnricher {
    private final PaperExtractor extractor = new PaperExtractor();

    @Incoming("papers-parsed")
    @Outgoing("papers-enriched")
    public Uni<Record<String, EnrichedPaper>> enrich(String json) {
        return Uni.createFrom().item(() -> {
            ParsedPaper paper = EventJson.read(json, ParsedPaper.class);
            Extraction found = extractor.extract(paper.title(), paper.abstractText());
            EnrichedPaper enriched = new EnrichedPaper(paper, PaperExtractor.VERSION, found.entities(), found.links(),
                    found.metrics(), found.stats(), Instant.now());
            return Record.of(paper.id(), enriched);
        });
    }
}
