package io.paperpulse.query.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.paperpulse.contracts.EnrichedPaper;
import io.paperpulse.contracts.EventJson;
import io.paperpulse.query.digest.DigestDayProjector;
import io.paperpulse.query.store.PaperStore;
import io.smallrye.mutiny.Uni;

/**
 * Stores every enriched paper; the offset is committed only after the write. A record that cannot be read or stored
 * goes to {@code papers.enriched.dlq} with the reason. A write that changed the paper marks its digest days stale.
 */
@ApplicationScoped
public class EnrichedPaperConsumer {

    @Inject
    PaperStore store;

    @Inject
    DigestDayProjector digestDays;

    @Incoming("papers-enriched")
    public Uni<Void> consume(String json) {
        return Uni.createFrom().item(() -> EventJson.read(json, EnrichedPaper.class))
                .flatMap(store::upsert)
                .invoke(stored -> stored.ifPresent(paper -> digestDays.changed(paper.digestDates)))
                .replaceWithVoid();
    }
}
