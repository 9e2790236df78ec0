package io.paperpulse.query.stream;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.lucene.search.Query;

import io.paperpulse.contracts.MergedPaper;
import io.paperpulse.query.config.QueryConfig;
import io.paperpulse.search.OnePaperIndex;
import io.paperpulse.search.PaperFilter;
import io.paperpulse.search.PaperQueries;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * Every paper whose revision rose in this replica's index, as the changelog follower applies it, fanned out to live
 * subscribers. The fan-out carries one batch per index refresh, so a subscriber's buffer counts refreshes, not papers: a
 * backfill's burst of thousands of papers in one refresh never drops a client that keeps reading. A subscriber's filter is the same Lucene query {@code GET /papers} runs, evaluated on a one-document
 * index of the paper ({@link OnePaperIndex}), so a stream and a list can never disagree. A revision already indexed
 * (a duplicate in the changelog, a replay after restart) is never announced twice.
 */
@ApplicationScoped
public class PaperChanges {
    private final BroadcastProcessor<List<Candidate>> changes = BroadcastProcessor.create();
    private final AtomicInteger subscribers = new AtomicInteger();
    private final QueryConfig.Stream config;

    @Inject
    PaperChanges(QueryConfig config) {
        this(config.stream());
    }

    PaperChanges(QueryConfig.Stream config) {
        this.config = config;
    }

    /** Called by the follower, once per index refresh, with the papers whose revision rose. */
    public void publish(List<MergedPaper> raised) {
        if (!raised.isEmpty() && subscribers.get() > 0) {
            changes.onNext(raised.stream().map(Candidate::new).toList());
        }
    }

    /**
     * The papers passing {@code filter} from now on; a subscriber more than {@code client-buffer} refreshes behind
     * fails with a {@link io.smallrye.mutiny.subscription.BackPressureFailure}. Empty when the replica already serves
     * {@code max-clients} streams: the caller refuses.
     */
    public Optional<Multi<MergedPaper>> subscribe(PaperFilter filter) {
        if (subscribers.incrementAndGet() > config.maxClients()) {
            subscribers.decrementAndGet();
            return Optional.empty();
        }
        Query query = PaperQueries.of(filter);
        Multi<MergedPaper> papers = changes.toHotStream()
                .onOverflow().buffer(config.clientBuffer())
                .onItem().transformToIterable(batch -> batch)
                .filter(c -> c.matches(query)).map(Candidate::paper)
                .onTermination().invoke(subscribers::decrementAndGet);
        return Optional.of(papers);
    }

    /** A changed paper and, built on the first subscriber's demand, its one-document index. */
    private static final class Candidate {
        private final MergedPaper paper;
        private OnePaperIndex index;

        Candidate(MergedPaper paper) {
            this.paper = paper;
        }

        MergedPaper paper() {
            return paper;
        }

        // subscribers filter on their own threads; the frozen index answers them all
        synchronized boolean matches(Query query) {
            if (index == null) {
                index = new OnePaperIndex(paper);
            }
            return index.matches(query);
        }
    }
}
