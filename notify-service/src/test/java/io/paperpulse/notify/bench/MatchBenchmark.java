package io.paperpulse.notify.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import io.paperpulse.contracts.Entity;
import io.paperpulse.contracts.EntityType;
import io.paperpulse.contracts.MergedPaper;
import io.paperpulse.contracts.MergedPaper.Sighting;
import io.paperpulse.contracts.TextStats;
import io.paperpulse.notify.match.PaperKeys;
import io.paperpulse.notify.match.SubscriptionIndex;
import io.paperpulse.notify.match.TermRarity;
import io.paperpulse.notify.match.Watched;
import io.paperpulse.search.FilterParams;

/**
 * Matching on arrival, one thread: a page of {@value #PAGE} papers against {@code subscriptions} saved searches, each
 * paper's keys and the candidates' queries on the paper alone, as the changelog consumer does. Scores are papers per
 * second. Papers' words and entity names are drawn from a Zipf distribution (few common, most rare), searches' evenly
 * (a reader looks for something in particular), seeded; the searches mix entities, words, phrases, prefixes and
 * {@code hasCode}. Run with {@code bench/notify-match.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Threads(1)
public class MatchBenchmark {
    static final int PAGE = 62;
    static final int VOCABULARY = 8000;
    static final int NAMES = 600;

    @Param("10000")
    int subscriptions;

    private final Random random = new Random(20261203);
    private SubscriptionIndex index;
    private List<MergedPaper> page;
    private int matches;

    @Setup
    public void setUp() {
        TermRarity rarity = new TermRarity();
        for (int i = 0; i < 2000; i++) {
            rarity.count(PaperKeys.of(paper("warm" + i)));
        }
        List<Watched> watched = new ArrayList<>();
        for (int i = 0; i < subscriptions; i++) {
            watched.add(new Watched("s" + i, search().toFilter(), null));
        }
        index = SubscriptionIndex.of(watched, rarity);
        page = new ArrayList<>();
        for (int i = 0; i < PAGE; i++) {
            page.add(paper("p" + i));
        }
        for (MergedPaper p : page) {
            matches += index.matches(p, PaperKeys.of(p)).size();
        }
        System.out.printf("%n%d subscriptions; the page's %d papers match %d of them in all%n", subscriptions, PAGE, matches);
    }

    @Benchmark
    @OperationsPerInvocation(PAGE)
    public void matchPage(Blackhole sink) {
        for (MergedPaper p : page) {
            sink.consume(index.matches(p, PaperKeys.of(p)));
        }
    }

    private FilterParams search() {
        int kind = random.nextInt(100);
        String q = null;
        String model = null;
        String dataset = null;
        String entity = null;
        String hasCode = null;
        if (kind < 35) {
            if (random.nextBoolean()) {
                model = anyName();
            } else if (random.nextBoolean()) {
                dataset = anyName();
            } else {
                entity = anyName();
            }
        } else if (kind < 70) {
            q = anyWord() + (random.nextBoolean() ? " " + anyWord() : "") + (random.nextInt(4) == 0 ? " " + anyWord() : "");
        } else if (kind < 80) {
            q = anyWord();
            model = anyName();
        } else if (kind < 90) {
            q = "\"" + anyWord() + " " + anyWord() + "\"";
        } else if (kind < 95) {
            q = anyWord().substring(0, 3) + "*";
        } else {
            hasCode = "true";
            entity = anyName();
        }
        return new FilterParams(q, model, dataset, null, null, null, entity, hasCode, null, null);
    }

    private MergedPaper paper(String id) {
        List<Entity> entities = new ArrayList<>();
        EntityType[] types = EntityType.values();
        for (int i = 0; i < 6; i++) {
            String name = name();
            entities.add(new Entity(types[random.nextInt(types.length)], name, Entity.ABSTRACT, 0, name.length()));
        }
        LocalDate day = LocalDate.of(2026, 12, 3);
        return new MergedPaper(id, 1, text(10), text(180), null, List.of(new Sighting(day, "bench", 0)), List.of(day), List.of(),
                random.nextBoolean(), entities, List.of(), new TextStats(190, 8, 1), 1, Instant.EPOCH, Instant.EPOCH);
    }

    private String text(int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(i == 0 ? "" : " ").append(word());
        }
        return text.toString();
    }

    /** Word n of the vocabulary, drawn with probability about 1/n (Zipf), pronounceable and at least 3 letters. */
    private String word() {
        return word((int) Math.floor(Math.pow(VOCABULARY, random.nextDouble())));
    }

    private String anyWord() {
        return word(random.nextInt(VOCABULARY));
    }

    private String anyName() {
        return name(random.nextInt(NAMES));
    }

    private String name() {
        return name((int) Math.floor(Math.pow(NAMES, random.nextDouble())));
    }

    private static String name(int n) {
        return "Net" + word(n + 17).substring(0, 1).toUpperCase() + word(n + 17).substring(1) + "-" + n;
    }

    private static String word(int n) {
        String consonants = "bcdfghklmnprstvz";
        String vowels = "aeiou";
        StringBuilder w = new StringBuilder();
        int x = n + 1;
        do {
            w.append(consonants.charAt(x % consonants.length())).append(vowels.charAt((x / consonants.length()) % vowels.length()));
            x /= consonants.length() * vowels.length();
        } while (x > 0 || w.length() < 3);
        return w.toString();
    }
}
