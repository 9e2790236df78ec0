package io.paperpulse.notify.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.paperpulse.notify.config.NotifyConfig;
import io.paperpulse.notify.delivery.DeliveryDocument.PaperSnapshot;
import io.paperpulse.notify.mail.MailSender;
import io.paperpulse.notify.match.Subscriptions;
import io.paperpulse.notify.subscription.Credentials;
import io.paperpulse.notify.subscription.SubscriptionDocument;
import io.paperpulse.notify.subscription.SubscriptionStore;
import io.paperpulse.notify.trending.DailyTrending;
import io.paperpulse.notify.trending.TrendingEntity;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Sends due deliveries: every {@code poll-interval}, and at once when matching added some, each subscription's due
 * papers as one message (webhook or
 * e-mail), at most one message per subscription and {@code max-concurrent} in all in flight. A pass only starts the
 * sends, so that a slow endpoint delays nothing but its own subscription. A failed message is tried again after an
 * exponential backoff with jitter until {@code give-up-after} past its due time; then it is given up and the
 * subscription marked failing, and paused at the {@code pause-after-failures}th given up in a row. A try in flight
 * when the service dies is due again once its claim runs out: delivery is at least once.
 */
@ApplicationScoped
public class DeliveryWorker {
    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    /** Due deliveries read per pass. */
    static final int SCAN = 1000;

    @Inject
    Outbox outbox;

    @Inject
    SubscriptionStore subscriptions;

    @Inject
    Subscriptions matching;

    @Inject
    WebhookSender webhooks;

    @Inject
    MailSender mail;

    @Inject
    DailyTrending trending;

    @Inject
    NotifyConfig config;

    @Inject
    Clock clock;

    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean passing = new AtomicBoolean();
    /** A wake-up came during a pass: what it announced may have been read too late for that pass. */
    private final AtomicBoolean again = new AtomicBoolean();
    private Backoff backoff;

    @PostConstruct
    void settings() {
        backoff = new Backoff(config.delivery().firstBackoff(), config.delivery().maxBackoff());
    }

    /** Starts a pass now, unless one is running: new deliveries need not wait for the next poll. */
    public void wake() {
        pass().subscribe().with(done -> { }, f -> LOG.warn("a delivery pass failed", f));
    }

    @Scheduled(every = "${paperpulse.notify.delivery.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return pass();
    }

    private Uni<Void> pass() {
        int free = config.delivery().maxConcurrent() - inFlight.size();
        if (free <= 0) {
            return Uni.createFrom().voidItem();
        }
        if (!passing.compareAndSet(false, true)) {
            again.set(true);
            return Uni.createFrom().voidItem();
        }
        return outbox.due(clock.instant(), SCAN).flatMap(due -> {
            Map<String, List<DeliveryDocument>> bySubscription = new LinkedHashMap<>();
            for (DeliveryDocument d : due) {
                if (!inFlight.contains(d.subscriptionId) && (bySubscription.containsKey(d.subscriptionId) || bySubscription.size() < free)) {
                    List<DeliveryDocument> group = bySubscription.computeIfAbsent(d.subscriptionId, k -> new ArrayList<>());
                    if (group.size() < config.delivery().maxPapers()) {
                        group.add(d);
                    }
                }
            }
            if (bySubscription.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return subscriptions.findAll(bySubscription.keySet()).flatMap(found -> {
                Map<String, SubscriptionDocument> byId = found.stream().collect(Collectors.toMap(s -> s.id, Function.identity()));
                List<Uni<Void>> steps = new ArrayList<>();
                bySubscription.forEach((id, group) -> steps.add(start(id, byId.get(id), group)));
                return Uni.join().all(steps).andCollectFailures().replaceWithVoid();
            });
        }).onFailure().invoke(f -> LOG.warn("a delivery pass failed; the next one tries again", f)).onFailure().recoverWithNull()
                .eventually(() -> {
                    passing.set(false);
                    if (again.getAndSet(false)) {
                        wake();
                    }
                });
    }

    private Uni<Void> start(String id, SubscriptionDocument subscription, List<DeliveryDocument> group) {
        if (subscription == null) {
            return outbox.removeAll(id);
        }
        if (subscription.paused) {
            return outbox.hold(id);
        }
        inFlight.add(id);
        Instant claimedUntil = clock.instant().plus(config.delivery().timeout().multipliedBy(3));
        return outbox.claim(group.stream().map(d -> d.id).toList(), claimedUntil)
                .invoke(() -> send(subscription, group)
                        .eventually(() -> inFlight.remove(id))
                        .subscribe().with(done -> { }, f -> LOG.warnf(f, "recording the outcome of a message to %s failed", id)))
                .onFailure().invoke(() -> inFlight.remove(id));
    }

    private Uni<Void> send(SubscriptionDocument subscription, List<DeliveryDocument> group) {
        List<PaperSnapshot> papers = group.stream().map(d -> d.paper).toList();
        Uni<Void> message = subscription.webhook != null
                ? webhooks.send(subscription, papers, idempotencyKey(group))
                : trendingFor(subscription).flatMap(top -> mail.send(subscription, papers, top));
        return message.onItemOrFailure().transformToUni((ok, failure) -> failure == null ? succeeded(subscription, group) : failed(subscription, group, failure));
    }

    private Uni<List<TrendingEntity>> trendingFor(SubscriptionDocument s) {
        return s.isDaily() && s.trending != null ? trending.top(clock.instant(), s.trending) : Uni.createFrom().item(List.of());
    }

    private Uni<Void> succeeded(SubscriptionDocument subscription, List<DeliveryDocument> group) {
        Instant now = clock.instant();
        return outbox.sent(group.stream().map(d -> d.id).toList(), now).chain(() -> subscriptions.delivered(subscription.id, now));
    }

    private Uni<Void> failed(SubscriptionDocument subscription, List<DeliveryDocument> group, Throwable failure) {
        Instant now = clock.instant();
        String error = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        boolean never = failure instanceof AddressGuard.RefusedAddress;
        List<Instant> retryAt = new ArrayList<>();
        boolean gaveUp = false;
        for (DeliveryDocument d : group) {
            Instant giveUp = d.dueAt.toInstant().plus(config.delivery().giveUpAfter());
            Instant next = now.plus(backoff.after(d.attempts + 1));
            boolean last = never || !now.isBefore(giveUp);
            retryAt.add(last ? null : next.isAfter(giveUp) ? giveUp : next);
            gaveUp |= last;
        }
        LOG.infof("a message to %s failed (%s)%s", subscription.id, error, gaveUp ? "; given up" : "; trying again");
        Uni<Void> recorded = outbox.failed(group, retryAt, error);
        if (!gaveUp) {
            return recorded.chain(() -> subscriptions.tryFailed(subscription.id, error));
        }
        return recorded.chain(() -> subscriptions.gaveUp(subscription.id, error, now, config.delivery().pauseAfterFailures()))
                .flatMap(s -> {
                    if (s == null || !s.paused) {
                        return Uni.createFrom().voidItem();
                    }
                    return matching.watch(s).chain(() -> outbox.hold(s.id));
                });
    }

    /** Names a message by its deliveries: the same deliveries sent again carry the same key. */
    static String idempotencyKey(List<DeliveryDocument> group) {
        if (group.size() == 1) {
            return group.get(0).id;
        }
        return Credentials.hash(group.stream().map(d -> d.id).sorted().collect(Collectors.joining("\n")));
    }
}
