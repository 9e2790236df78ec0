package io.paperpulse.query.store;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import io.quarkus.runtime.StartupEvent;

/**
 * Creates the one index the store needs besides {@code _id}: the unique {@code {_id, rev}} behind the compare-and-set
 * of {@link PaperStore}. Every other read runs on the search index, so nothing else is asked of the store.
 */
@ApplicationScoped
public class StoreIndexes {
    private static final Logger LOG = Logger.getLogger(StoreIndexes.class);

    static final List<IndexModel> PAPERS = List.of(
            new IndexModel(Indexes.ascending("_id", "rev"), new IndexOptions().unique(true).name("cas")));

    void create(@Observes StartupEvent start) {
        PaperDocument.<PaperDocument>mongoCollection().createIndexes(PAPERS)
                .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30)).atMost(10)
                .subscribe().with(names -> LOG.infof("indexes on papers: %s", names),
                        failure -> LOG.error("could not create the indexes on papers", failure));
    }
}
