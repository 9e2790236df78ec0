package io.paperpulse.ingest.store;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import io.quarkus.runtime.StartupEvent;

/**
 * Creates the indexes of {@code digests} at start, without holding start-up back: that of {@code GET /digests?status=}
 * (newest first within a status; the embedded store accepts it and scans anyway), and the unique ones behind the
 * compare-and-set writes, which the embedded store does use. Until they exist, those reads scan.
 */
@ApplicationScoped
public class DigestIndexes {
    private static final Logger LOG = Logger.getLogger(DigestIndexes.class);

    @Inject
    DigestRepository digests;

    void create(@Observes StartupEvent start) {
        digests.mongoCollection()
                .createIndexes(List.of(
                        new IndexModel(Indexes.compoundIndex(Indexes.ascending("status"), Indexes.descending("receivedAt")),
                                new IndexOptions().name("status_newest")),
                        // the compare-and-set shapes of DigestRepository: unique, so the embedded store answers them by index
                        new IndexModel(Indexes.ascending("_id", "claim"), new IndexOptions().unique(true).name("claim")),
                        new IndexModel(Indexes.ascending("_id", "status"), new IndexOptions().unique(true).name("status"))))
                .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30)).atMost(10)
                .subscribe().with(names -> LOG.debugf("indexes %s on digests", names),
                        failure -> LOG.error("could not create the index on digests; listings will scan", failure));
    }
}
