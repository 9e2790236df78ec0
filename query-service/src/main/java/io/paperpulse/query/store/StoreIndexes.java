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
 * Creates the indexes the queries need at start, without holding start-up back. On MongoDB they are real; the
 * embedded store accepts non-unique ones and ignores them (it scans), but uses the unique {@code {_id, rev}} index
 * for the compare-and-set of {@link PaperStore}.
 */
@ApplicationScoped
public class StoreIndexes {
    private static final Logger LOG = Logger.getLogger(StoreIndexes.class);

    static final List<IndexModel> PAPERS = List.of(
            new IndexModel(Indexes.ascending("_id", "rev"), new IndexOptions().unique(true).name("cas")),
            new IndexModel(Indexes.ascending("digestDates"), new IndexOptions().name("digestDates")),
            new IndexModel(Indexes.compoundIndex(Indexes.descending("lastSeen"), Indexes.ascending("_id")),
                    new IndexOptions().name("newest")),
            new IndexModel(Indexes.ascending("sortTitle"), new IndexOptions().name("title")),
            new IndexModel(Indexes.ascending("entities.type", "entities.key"), new IndexOptions().name("entities")),
            new IndexModel(Indexes.ascending("entities.key"), new IndexOptions().name("entityKeys")),
            new IndexModel(Indexes.ascending("search.all"), new IndexOptions().name("searchTerms")));

    void create(@Observes StartupEvent start) {
        PaperDocument.<PaperDocument>mongoCollection().createIndexes(PAPERS)
                .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30)).atMost(10)
                .subscribe().with(names -> LOG.infof("indexes on papers: %s", names),
                        failure -> LOG.error("could not create the indexes on papers; queries will scan", failure));
    }
}
