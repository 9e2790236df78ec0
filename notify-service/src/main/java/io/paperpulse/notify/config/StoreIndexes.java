package io.paperpulse.notify.config;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;

import io.paperpulse.notify.delivery.DeliveryDocument;
import io.paperpulse.notify.trending.SeenPaper;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/** The indexes behind the worker's look-up of due deliveries, a subscription's latest deliveries and the day's papers. */
@ApplicationScoped
public class StoreIndexes {
    private static final Logger LOG = Logger.getLogger(StoreIndexes.class);

    void create(@Observes StartupEvent start) {
        Uni.combine().all().unis(
                DeliveryDocument.mongoCollection().createIndexes(List.of(
                        new IndexModel(Indexes.ascending("status", "nextAttemptAt")),
                        new IndexModel(Indexes.compoundIndex(Indexes.ascending("subscriptionId"), Indexes.descending("createdAt"))))),
                SeenPaper.mongoCollection().createIndexes(List.of(new IndexModel(Indexes.ascending("seenAt")))))
                .asTuple()
                .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30)).atMost(10)
                .subscribe().with(names -> LOG.debugf("indexes: %s", names), failure -> LOG.error("could not create the store's indexes", failure));
    }
}
