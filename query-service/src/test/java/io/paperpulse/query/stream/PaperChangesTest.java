package io.paperpulse.query.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.paperpulse.contracts.MergedPaper;
import io.paperpulse.contracts.TextStats;
import io.paperpulse.query.config.QueryConfig;
import io.paperpulse.search.PaperFilter;
import io.paperpulse.search.SearchQuery;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import io.smallrye.mutiny.subscription.BackPressureFailure;

/**
 * The fan-out of changed papers to live subscribers, as the follower drives it: one batch per index refresh, however
 * many papers a refresh raised. A reader that keeps up gets every paper of a burst far larger than its buffer; one that
 * stops reading fails once more refreshes than its buffer wait for it.
 */
class PaperChangesTest {
    private static final int BUFFER = 4;
    private static final PaperFilter EVERYTHING = new PaperFilter(SearchQuery.NONE, List.of(), null, null, null);

    private final PaperChanges changes = new PaperChanges(new QueryConfig.Stream() {
        @Override
        public Duration heartbeat() {
            return Duration.ofSeconds(15);
        }

        @Override
        public int clientBuffer() {
            return BUFFER;
        }

        @Override
        public int maxClients() {
            return 2;
        }
    });

    @Test
    void aReaderThatKeepsUpGetsEveryPaperOfABurstLargerThanItsBuffer() {
        AssertSubscriber<MergedPaper> reader = changes.subscribe(EVERYTHING).orElseThrow().subscribe()
                .withSubscriber(AssertSubscriber.create(1));
        changes.publish(papers("burst", 0, 1_000)); // a backfill's refresh
        changes.publish(papers("next", 0, 3));

        for (int read = 1; read < 1_003; read++) {
            reader.request(1); // one at a time, as the SSE writer asks
        }
        reader.assertNotTerminated();
        List<String> ids = reader.getItems().stream().map(MergedPaper::id).toList();
        assertEquals(1_003, ids.size());
        assertEquals("burst-0", ids.get(0));
        assertEquals("next-2", ids.get(1_002));
    }

    @Test
    void aReaderThatStopsReadingFailsOnceMoreRefreshesThanItsBufferWait() {
        AssertSubscriber<MergedPaper> stalled = changes.subscribe(EVERYTHING).orElseThrow().subscribe()
                .withSubscriber(AssertSubscriber.create(0));
        for (int refresh = 0; refresh < BUFFER; refresh++) {
            changes.publish(papers("refresh-" + refresh, 0, 100));
        }
        stalled.assertNotTerminated();

        changes.publish(papers("one-too-many", 0, 1));
        assertInstanceOf(BackPressureFailure.class, stalled.getFailure());
        // its place is free again: two more subscribers fit under max-clients of 2
        assertTrue(changes.subscribe(EVERYTHING).isPresent());
        assertTrue(changes.subscribe(EVERYTHING).isPresent());
    }

    @Test
    void aSubscriberSeesOnlyWhatWasPublishedAfterItSubscribed() {
        changes.publish(papers("before", 0, 5)); // no subscriber yet: nothing is held for later
        AssertSubscriber<MergedPaper> reader = changes.subscribe(EVERYTHING).orElseThrow().subscribe()
                .withSubscriber(AssertSubscriber.create(10));
        changes.publish(papers("after", 0, 2));
        assertEquals(List.of("after-0", "after-1"), reader.getItems().stream().map(MergedPaper::id).toList());
        assertNull(reader.getFailure());
    }

    private static List<MergedPaper> papers(String prefix, int from, int count) {
        LocalDate date = LocalDate.of(2030, 1, 1);
        Instant at = Instant.parse("2030-01-01T00:00:00Z");
        return IntStream.range(from, from + count).mapToObj(i -> new MergedPaper(prefix + "-" + i, 1, "Paper " + prefix + " " + i,
                "An abstract.", null, List.of(new MergedPaper.Sighting(date, "test", i)), List.of(date), List.of(), false,
                List.of(), List.of(), new TextStats(5, 1, 0.1), 1, at, at)).toList();
    }
}
