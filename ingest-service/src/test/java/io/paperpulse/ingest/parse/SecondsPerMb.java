package io.paperpulse.ingest.parse;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.paperpulse.ingest.parse.BadPages.BadPage;
import io.paperpulse.ingest.parse.BadPages.Category;

/**
 * The slowest page per megabyte of each category of {@link BadPages}, over pages of {@link #MEASURED_FROM_BYTES} or
 * more: printed by the bad-input suites, never asserted (the machine is shared, its times are not the code's alone).
 */
public final class SecondsPerMb {
    /** Below this a page's time is its fixed costs, not its size. */
    public static final int MEASURED_FROM_BYTES = 64 * 1024;

    private record Worst(double secondsPerMb, double seconds, BadPage page) {
    }

    private final Map<Category, Worst> worst = new EnumMap<>(Category.class);

    /** Counts one page's time; safe from several threads. */
    public synchronized void add(BadPage page, double seconds) {
        if (page.body().length < MEASURED_FROM_BYTES) {
            return;
        }
        double perMb = seconds / (page.body().length / 1e6);
        Worst before = worst.get(page.category());
        if (before == null || perMb > before.secondsPerMb()) {
            worst.put(page.category(), new Worst(perMb, seconds, page));
        }
    }

    /** One line per category: its worst s/MB and that page; and the worst of all last. */
    public synchronized String report(String what) {
        String lines = worst.entrySet().stream()
                .map(e -> String.format("  %-18s %8.4f s/MB  %s in %.3f s", e.getKey(), e.getValue().secondsPerMb(), e.getValue().page(), e.getValue().seconds()))
                .collect(Collectors.joining("\n"));
        return worst.values().stream().max(java.util.Comparator.comparingDouble(Worst::secondsPerMb))
                .map(w -> String.format("%s worst %.4f s/MB: %s%n%s", what, w.secondsPerMb(), w.page(), lines))
                .orElse(what + ": no page of " + MEASURED_FROM_BYTES + " bytes or more");
    }
}
