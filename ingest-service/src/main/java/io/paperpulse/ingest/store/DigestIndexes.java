package io.paperpulse.ingest.store;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import io.quarkus.runtime.StartupEvent;

/**
 * Creates the index of {@code GET /digests?status=} (newest first within a status) at start, without holding start-up
 * back: until it exists, or if it cannot be made, listings scan. The embedded test store accepts it and scans anyway.
 */
@ApplicationScoped
public class DigestIndexes {
    private static final Logger LOG = Logger.getLogger(DigestIndexes.class);

    @Inject
    DigestRepository digests;

    void create(@Observes StartupEvent start) {
        digests.mongoCollection()
                .createIndex(Indexes.compoundIndex(Indexes.ascending("status"), Indexes.descending("receivedAt")),
                        new IndexOptions().name("status_newest"))
                .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30)).atMost(10)
                .subscribe().with(name -> LOG.debugf("index %s on digests", name),
                        failure -> LOG.error("could not create the index on digests; listings will scan", failure));
    }
}
