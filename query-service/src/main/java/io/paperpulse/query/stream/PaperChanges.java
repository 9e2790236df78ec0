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
 * subscribers. A subscriber's filter is the same Lucene query {@code GET /papers} runs, evaluated on a one-document
 * index of the paper ({@link OnePaperIndex}), so a stream and a list can never disagree. A revision already indexed
 * (a duplicate in the changelog, a replay after restart) is never announced twice.
 */
@ApplicationScoped
public class PaperChanges {
    private final BroadcastProcessor<Candidate> changes = BroadcastProcessor.create();
    private final AtomicInteger subscribers = new AtomicInteger();
    private final QueryConfig config;

    @Inject
    PaperChanges(QueryConfig config) {
        this.config = config;
    }

    /** Called by the follower, once per applied poll, with the papers whose revision rose. */
    public void publish(List<MergedPaper> raised) {
        if (!raised.isEmpty() && subscribers.get() > 0) {
            raised.forEach(paper -> changes.onNext(new Candidate(paper)));
        }
    }

    /**
     * The papers passing {@code filter} from now on; a subscriber that falls behind by more than its buffer is
     * dropped. Empty when the replica already serves {@code max-clients} streams: the caller refuses.
     */
    public Optional<Multi<MergedPaper>> subscribe(PaperFilter filter) {
        if (subscribers.incrementAndGet() > config.stream().maxClients()) {
            subscribers.decrementAndGet();
            return Optional.empty();
        }
        Query query = PaperQueries.of(filter);
        Multi<MergedPaper> papers = changes.toHotStream()
                .onOverflow().buffer(config.stream().clientBuffer())
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
