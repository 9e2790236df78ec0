package io.paperpulse.notify.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import io.paperpulse.contracts.MergedPaper;
import io.paperpulse.search.FilterParams;
import io.paperpulse.search.OnePaperIndex;
import io.paperpulse.search.RandomPapers;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The inverted index of subscriptions only saves work: it finds exactly the subscriptions whose filter the paper
 * passes when asked one by one ({@link OnePaperIndex}, which agrees with {@code GET /papers}: query-service's
 * OnePaperMatchPropertyTest), whichever keys earlier papers made rare.
 */
class SubscriptionIndexPropertyTest {

    @Property(tries = 200, seed = "20261203") // fixed, so that a failure replays; jqwik prints it with each report
    void findsExactlyTheSubscriptionsAPaperMatches(@ForAll("subscriptions") List<FilterParams> filters, @ForAll("papers") List<MergedPaper> seen,
            @ForAll("papers") List<MergedPaper> papers) {
        TermRarity rarity = new TermRarity();
        seen.forEach(p -> rarity.count(PaperKeys.of(p)));
        List<Watched> watched = new ArrayList<>();
        for (int i = 0; i < filters.size(); i++) {
            watched.add(new Watched("s" + i, filters.get(i).toFilter(), null));
        }
        SubscriptionIndex index = SubscriptionIndex.of(watched, rarity);
        for (MergedPaper paper : papers) {
            OnePaperIndex one = new OnePaperIndex(paper);
            List<String> expected = watched.stream().filter(w -> one.matches(w.filter())).map(Watched::id).sorted().toList();
            List<String> found = index.matches(paper, PaperKeys.of(paper)).stream().sorted().toList();
            assertEquals(expected, found, paper.toString());
            Statistics.collect(expected.isEmpty() ? "matches none" : "matches some");
        }
        Statistics.coverage(coverage -> coverage.check("matches some").percentage(p -> p >= 20));
    }

    @Provide
    Arbitrary<List<FilterParams>> subscriptions() {
        return RandomPapers.filters().list().ofMinSize(1).ofMaxSize(30);
    }

    @Provide
    Arbitrary<List<MergedPaper>> papers() {
        return RandomPapers.papers(1, 10);
    }
}
