package io.paperpulse.ingest.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.paperpulse.ingest.parse.BadPages.BadPage;
import io.paperpulse.ingest.parse.BadPages.Category;
import io.paperpulse.ingest.parse.RejectedPageException.Kind;

/**
 * The bad-input suite at the parser, seeded (the seed is printed; {@code -Dfuzz.seed=N} replays a run): 10,000 random
 * and adversarial pages ({@link BadPages}) through the parser as the service calls it. Each parses into papers that
 * keep the parser's promises (a title with a letter or digit, text without control or bidi override characters, ids
 * from titles), or is refused with a {@link RejectedPageException} and a reason; any other failure fails the test.
 * The time per megabyte of each page is printed, the worst one too, not asserted.
 */
class BadPagesParserTest {
    private static final int PAGES = 10_000;
    /** Below this a page's time is its fixed costs, not its size: the worst time per MB is taken over larger pages. */
    private static final int MEASURED_FROM_BYTES = 64 * 1024;
    private static final LocalDate HINT = LocalDate.of(2026, 3, 11);

    private final DigestParser parser = new DigestParser();

    /** What came of one category's pages. */
    private static final class Tally {
        int pages;
        int wrong;
        double seconds;
        int parsed;
        int refused;
        long papers;
        int largest;
        double worstSecondsPerMb;
        BadPage worstPage;
        String worstTime = "";
    }

    @Test
    void everyPageParsesIntoSoundPapersOrIsRefusedWithAReason() {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("BadPagesParserTest seed " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
        BadPages pages = new BadPages(new Random(seed), BadPages.Scale.PARSER);
        Map<Category, Tally> tallies = new EnumMap<>(Category.class);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < PAGES; i++) {
            BadPage page = i < Category.values().length ? pages.next(Category.values()[i]) : pages.next();
            Tally tally = tallies.computeIfAbsent(page.category(), c -> new Tally());
            long start = System.nanoTime();
            try {
                ParsedPage parsed = parser.parse(new PageInput(page.body(), page.contentType(), i % 2 == 0 ? HINT : null, Pages.RECEIVED));
                tally.parsed++;
                tally.papers += parsed.papers().size();
                String broken = PaperPromises.broken(parsed);
                if (broken != null) {
                    tally.wrong++;
                    failures.add("page " + i + " " + page + ": " + broken);
                }
            } catch (RejectedPageException refused) {
                tally.refused++;
                String wrong = wrongRefusal(page, refused);
                if (wrong != null) {
                    tally.wrong++;
                    failures.add("page " + i + " " + page + ": " + wrong);
                }
            } catch (RuntimeException | StackOverflowError e) {
                tally.wrong++;
                failures.add("page " + i + " " + page + " failed with " + e);
            }
            measure(tally, page, (System.nanoTime() - start) / 1e9);
        }
        report(tallies);
        assertEquals(List.of(), failures.stream().filter(firstOfItsCategory()).toList(),
                failures.size() + " pages went wrong (the first of each category shown), seed " + seed);
        assertEquals(Category.values().length, tallies.size(), "every category drawn");
        assertTrue(tallies.values().stream().mapToInt(t -> t.parsed).sum() > PAGES / 10, "a share of the pages parse");
    }

    /** Keeps the first failure of each category: one of each tells what broke, all of them would drown it. */
    private static java.util.function.Predicate<String> firstOfItsCategory() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return failure -> seen.add(failure.split(" ")[2]);
    }

    /** What is wrong with a refusal, or {@code null}: a reason given, and an invalid UTF-8 page refused where it is bad. */
    private static String wrongRefusal(BadPage page, RejectedPageException refused) {
        if (refused.getMessage() == null || refused.getMessage().isBlank()) {
            return "refused without a reason";
        }
        if (page.category() == Category.INVALID_UTF8
                && (refused.kind() != Kind.MALFORMED && refused.kind() != Kind.UNSUPPORTED_MEDIA_TYPE
                        || refused.kind() == Kind.MALFORMED && !refused.getMessage().endsWith(" at byte " + page.malformedAt()))) {
            return "refused as " + refused.kind() + " '" + refused.getMessage() + "', not as malformed at byte " + page.malformedAt();
        }
        return null;
    }

    private static void measure(Tally tally, BadPage page, double seconds) {
        tally.pages++;
        tally.seconds += seconds;
        tally.largest = Math.max(tally.largest, page.body().length);
        double perMb = seconds / (page.body().length / 1e6);
        if (page.body().length >= MEASURED_FROM_BYTES && perMb > tally.worstSecondsPerMb) {
            tally.worstSecondsPerMb = perMb;
            tally.worstPage = page;
            tally.worstTime = String.format("%.3f s", seconds);
        }
    }

    /**
     * Prints each category's pages and outcomes and its slowest page per MB, timed again (the best of three: the machine
     * is shared, and a first time can be a garbage collection's or another process's), then the worst of all.
     */
    private void report(Map<Category, Tally> tallies) {
        System.out.println(String.format("%-18s %6s %6s %7s %6s %9s %10s %8s %8s %8s  %s", "category", "pages", "parsed", "refused", "wrong",
                "papers", "largest", "seconds", "s/MB", "again", "slowest page per MB"));
        String worst = null;
        double worstAgain = 0;
        for (Map.Entry<Category, Tally> entry : tallies.entrySet()) {
            Tally t = entry.getValue();
            double again = t.worstPage == null ? 0 : bestOfThree(t.worstPage) / (t.worstPage.body().length / 1e6);
            System.out.println(String.format("%-18s %6d %6d %7d %6d %9d %10d %8.2f %8.4f %8.4f  %s", entry.getKey(), t.pages, t.parsed,
                    t.refused, t.wrong, t.papers, t.largest, t.seconds, t.worstSecondsPerMb, again,
                    t.worstPage == null ? "" : t.worstPage + " in " + t.worstTime));
            if (again > worstAgain) {
                worstAgain = again;
                worst = t.worstPage.toString();
            }
        }
        System.out.println(String.format("BadPagesParserTest worst %.4f s/MB (best of three): %s", worstAgain, worst));
    }

    private double bestOfThree(BadPage page) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            try {
                parser.parse(new PageInput(page.body(), page.contentType(), HINT, Pages.RECEIVED));
            } catch (RejectedPageException refused) {
                // timed all the same
            }
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }
}
