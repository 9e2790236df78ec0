package io.paperpulse.query.digest;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;

import io.paperpulse.query.config.QueryConfig;
import io.paperpulse.query.digest.DigestDayDocument.DayEntity;
import io.paperpulse.query.digest.DigestDayDocument.Form;
import io.paperpulse.query.store.PaperDocument;
import io.paperpulse.query.store.PaperDocument.Sighting;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Keeps {@code digest_days} up to date: each write marks its paper's dates, and after a short delay every marked day
 * is recomputed whole from {@code papers}. Recomputing rather than incrementing keeps the projection correct under
 * redelivery, version changes and several replicas (the computation that started last wins). All days are
 * recomputed at start, which repairs a refresh lost to a crash.
 */
@ApplicationScoped
public class DigestDayProjector {
    private static final Logger LOG = Logger.getLogger(DigestDayProjector.class);
    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());
    /**
     * Days recomputed from one read: a quarter, so a rebuild of years of digests does not hold every paper in memory
     * at once, while on the embedded store (where every read is a full scan) a burst of writes costs a single scan.
     */
    private static final int DAYS_PER_READ = 92;

    @Inject
    QueryConfig config;

    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile Duration lastRefresh = Duration.ZERO;

    void rebuild(@Observes StartupEvent start) {
        PaperDocument.<PaperDocument>mongoCollection().distinct("digestDates", String.class).collect().asList()
                .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30)).atMost(10)
                .subscribe().with(this::changed, failure -> LOG.error("could not list the digest days to rebuild", failure));
    }

    /** Marks days whose papers changed; they are recomputed after {@code paperpulse.query.digest-refresh-delay}. */
    public void changed(Collection<String> dates) {
        pending.addAll(dates);
        schedule();
    }

    // waits at least four times as long as the last refresh took: under a stream of writes, refreshes (full scans
    // on the embedded store, which hold up every other operation on papers) take at most a fifth of the store's time
    private void schedule() {
        if (!pending.isEmpty() && scheduled.compareAndSet(false, true)) {
            Duration throttle = lastRefresh.multipliedBy(4);
            Duration delay = throttle.compareTo(config.digestRefreshDelay()) > 0 ? throttle : config.digestRefreshDelay();
            Uni.createFrom().voidItem().onItem().delayIt().by(delay)
                    .flatMap(ignored -> timed(refreshPending()))
                    .subscribe().with(ignored -> rescheduleIfNeeded(), failure -> rescheduleIfNeeded());
        }
    }

    private Uni<Void> timed(Uni<Void> refresh) {
        long started = System.nanoTime();
        return refresh.onTermination().invoke(() -> lastRefresh = Duration.ofNanos(System.nanoTime() - started));
    }

    private void rescheduleIfNeeded() {
        scheduled.set(false);
        schedule();
    }

    private Uni<Void> refreshPending() {
        List<String> dates = new ArrayList<>(pending);
        pending.removeAll(dates);
        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < dates.size(); i += DAYS_PER_READ) {
            batches.add(dates.subList(i, Math.min(i + DAYS_PER_READ, dates.size())));
        }
        return Multi.createFrom().iterable(batches)
                .onItem().transformToUniAndConcatenate(batch -> refresh(batch).onFailure().recoverWithUni(failure -> {
                    LOG.warnf(failure, "digest days %s not refreshed; will retry", batch);
                    pending.addAll(batch);
                    return Uni.createFrom().voidItem();
                }))
                .collect().last().replaceWithVoid();
    }

    /** Recomputes these days from one read of their papers: on the embedded store every read is a full scan. */
    Uni<Void> refresh(List<String> dates) {
        Date started = new Date();
        FindOptions slim = new FindOptions().projection(Projections.include("sightings", "entities"));
        return PaperDocument.<PaperDocument>mongoCollection().find(in("digestDates", dates), slim).collect().asList()
                .flatMap(papers -> Multi.createFrom().iterable(dates)
                        .onItem().transformToUniAndConcatenate(date -> write(day(date, papers, started)))
                        .collect().last().replaceWithVoid());
    }

    private Uni<Void> write(DigestDayDocument day) {
        if (day.papers == 0) {
            return DigestDayDocument.deleteById(day.date).replaceWithVoid();
        }
        return DigestDayDocument.<DigestDayDocument>mongoCollection()
                .replaceOne(and(eq("_id", day.date), lt("refreshedAt", day.refreshedAt)), day, new ReplaceOptions().upsert(true))
                .replaceWithVoid()
                // the day exists with a later refresh: the upsert's insert collides, and the newer document stands
                .onFailure(e -> e instanceof MongoWriteException w && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY)
                .recoverWithNull();
    }

    /** The day as {@code papers} list it; papers not listed on {@code date} are ignored. */
    static DigestDayDocument day(String date, List<PaperDocument> papers, Date started) {
        record Listed(String source, int position, String id) {
        }
        List<Listed> listed = new ArrayList<>();
        Map<List<String>, Map<String, Set<String>>> formsByEntity = new TreeMap<>(Comparator
                .<List<String>, String>comparing(k -> k.get(0)).thenComparing(k -> k.get(1)));
        for (PaperDocument paper : papers) {
            List<Sighting> that = paper.sightings == null ? List.of()
                    : paper.sightings.stream().filter(s -> s.date().equals(date)).toList();
            if (that.isEmpty()) {
                continue;
            }
            that.forEach(s -> listed.add(new Listed(s.source(), s.position(), paper.id)));
            for (PaperDocument.EntityDocument e : paper.entities == null ? List.<PaperDocument.EntityDocument>of() : paper.entities) {
                formsByEntity.computeIfAbsent(List.of(e.type(), e.key()), k -> new TreeMap<>())
                        .computeIfAbsent(e.text(), t -> new LinkedHashSet<>()).add(paper.id);
            }
        }
        listed.sort(Comparator.comparing(Listed::source, NULLS_FIRST).thenComparingInt(Listed::position).thenComparing(Listed::id));

        DigestDayDocument day = new DigestDayDocument();
        day.date = date;
        day.paperIds = listed.stream().map(Listed::id).distinct().toList();
        day.papers = day.paperIds.size();
        day.sources = listed.stream().map(Listed::source).filter(Objects::nonNull).distinct().sorted().toList();
        day.entities = formsByEntity.entrySet().stream().map(entry -> {
            Set<String> ids = new LinkedHashSet<>();
            entry.getValue().values().forEach(ids::addAll);
            List<Form> forms = entry.getValue().entrySet().stream().map(f -> new Form(f.getKey(), f.getValue().size()))
                    .sorted(Comparator.comparingInt(Form::papers).reversed().thenComparing(Form::text)).toList();
            return new DayEntity(entry.getKey().get(0), entry.getKey().get(1), forms, List.copyOf(ids));
        }).toList();
        day.refreshedAt = started;
        return day;
    }
}
