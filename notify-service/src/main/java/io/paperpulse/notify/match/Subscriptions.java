package io.paperpulse.notify.match;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.paperpulse.contracts.MergedPaper;
import io.paperpulse.notify.subscription.SubscriptionDocument;
import io.paperpulse.search.BadParameterException;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The active subscriptions as matching sees them: read from the store at start and every
 * {@code matching.reload-interval} (changes made through another replica), and changed at once by this replica's
 * own requests. Matching reads an immutable {@link SubscriptionIndex}, replaced whole on every change.
 */
@ApplicationScoped
public class Subscriptions {
    private static final Logger LOG = Logger.getLogger(Subscriptions.class);

    private final TermRarity rarity = new TermRarity();
    private final Map<String, Watched> watched = new LinkedHashMap<>();
    private volatile SubscriptionIndex index = SubscriptionIndex.of(List.of(), rarity);
    private volatile boolean loaded;
    /** Counts this replica's own changes: a reload that read the store before one of them is dropped, not applied. */
    private long changes;

    /** The subscriptions {@code paper} matches; its keys also count towards which keys are rare. */
    public List<String> matches(MergedPaper paper) {
        Set<String> keys = PaperKeys.of(paper);
        rarity.count(keys);
        return index.matches(paper, keys);
    }

    /** Reads the store unless it was read already: before that, papers would be matched against no subscription. */
    public Uni<Void> loaded() {
        return loaded ? Uni.createFrom().voidItem() : reload();
    }

    /** Applies a change of this replica's: off the event loop, as a rebuild of many subscriptions takes milliseconds. */
    public Uni<Void> watch(SubscriptionDocument s) {
        return offTheEventLoop(() -> apply(s));
    }

    public Uni<Void> unwatch(String id) {
        return offTheEventLoop(() -> remove(id));
    }

    private static Uni<Void> offTheEventLoop(Runnable change) {
        return Uni.createFrom().item(() -> {
            change.run();
            return (Void) null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private synchronized void apply(SubscriptionDocument s) {
        changes++;
        if (s.paused) {
            watched.remove(s.id);
        } else {
            watched.put(s.id, watched(s));
        }
        rebuild();
    }

    private synchronized void remove(String id) {
        changes++;
        if (watched.remove(id) != null) {
            rebuild();
        }
    }

    @Scheduled(every = "${paperpulse.notify.matching.reload-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> reload() {
        long before = changesSoFar();
        return SubscriptionDocument.<SubscriptionDocument>find("paused", false).list()
                .emitOn(Infrastructure.getDefaultWorkerPool()).invoke(active -> replaceAll(active, before)).replaceWithVoid();
    }

    private synchronized long changesSoFar() {
        return changes;
    }

    private synchronized void replaceAll(List<SubscriptionDocument> active, long changesBefore) {
        if (changes != changesBefore && loaded) {
            return;
        }
        watched.clear();
        for (SubscriptionDocument s : active) {
            try {
                watched.put(s.id, watched(s));
            } catch (BadParameterException e) {
                // stored before a rule got stricter: it matches nothing until it is changed
                LOG.warnf("subscription %s no longer reads as a filter: %s", s.id, e.getMessage());
            }
        }
        rebuild();
        loaded = true;
    }

    /** When a paper matched now is due to {@code subscription}. */
    public synchronized Instant dueAt(String subscription, Instant now) {
        Watched w = watched.get(subscription);
        return w == null ? now : w.dueAt(now);
    }

    private static Watched watched(SubscriptionDocument s) {
        return new Watched(s.id, s.query.toParams().toFilter(), s.isDaily() ? s.hour : null);
    }

    private void rebuild() {
        index = SubscriptionIndex.of(new ArrayList<>(watched.values()), rarity);
    }
}
