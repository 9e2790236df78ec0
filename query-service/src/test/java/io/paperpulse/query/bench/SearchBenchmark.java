package io.paperpulse.query.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import io.paperpulse.contracts.Entity;
import io.paperpulse.contracts.EntityType;
import io.paperpulse.contracts.EventSerializer;
import io.paperpulse.contracts.MergedPaper;
import io.paperpulse.contracts.Topics;
import io.paperpulse.query.config.QueryConfig;
import io.paperpulse.query.index.PaperIndex;
import io.paperpulse.query.search.PaperSearch;
import io.paperpulse.query.search.PaperSort;
import io.paperpulse.search.PaperFilter;
import io.paperpulse.search.SearchQuery;

/**
 * The search index on its own, one thread: {@code search} runs an uncached two-word {@code q} with highlights (a
 * page of 20), {@code index} applies a changelog record (what a backfill and a rebuild cost per paper). Papers are
 * dated variants of the sample digest's. Run with {@code bench/query-jmh.sh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Threads(1)
public class SearchBenchmark {
    static final EventSerializer JSON = new EventSerializer();
    static final List<String> WORDS = List.of("language", "model", "graph", "neural", "image", "classification", "question",
            "answering", "transformer", "pretrained", "training", "vision", "learning", "knowledge", "distillation",
            "retrieval", "benchmark", "dataset", "efficient", "attention");
    static final List<String> NAMES = List.of("BERT", "GPT", "RoBERTa", "ImageNet", "GLUE", "SQuAD", "PubMed", "CLIP", "T5", "ViT");

    @Param({"20000"})
    public int papers;

    private Path directory;
    private PaperIndex index;
    private List<PaperIndex.Change> changes;
    private List<SearchQuery> queries;
    private int next;
    private long rev;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        directory = Files.createTempDirectory("search-bench");
        index = new PaperIndex(config(directory));
        changes = papers(papers);
        for (int from = 0; from < changes.size(); from += 2000) {
            index.apply(changes.subList(from, Math.min(from + 2000, changes.size())));
        }
        index.refresh();
        queries = new ArrayList<>();
        for (String a : WORDS) {
            for (String b : WORDS) {
                if (!a.equals(b)) {
                    queries.add(SearchQuery.parse(a + " " + b));
                }
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        index.close();
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public PaperSearch.Page search() {
        SearchQuery q = queries.get(next);
        next = next + 1 == queries.size() ? 0 : next + 1;
        PaperFilter filter = new PaperFilter(q, List.of(), null, null, null);
        return index.read(searcher -> PaperSearch.run(searcher, filter, PaperSort.RELEVANCE, 0, 20));
    }

    @Benchmark
    public List<MergedPaper> index() throws IOException {
        PaperIndex.Change c = changes.get(next);
        next = next + 1 == changes.size() ? 0 : next + 1;
        MergedPaper p = c.paper();
        MergedPaper newer = new MergedPaper(p.id(), p.rev() + (++rev), p.title(), p.abstractText(), p.arxivId(), p.sightings(),
                p.digestDates(), p.links(), p.hasCode(), p.entities(), p.metrics(), p.stats(), p.extractorVersion(),
                p.enrichedAt(), p.updatedAt());
        List<MergedPaper> raised = index.apply(List.of(new PaperIndex.Change(newer, c.json())));
        if (rev % 1000 == 0) {
            index.refresh();
        }
        return raised;
    }

    /** {@code count} papers: the sample's titles and abstracts, each dated one of 323 days, entities found by name. */
    static List<PaperIndex.Change> papers(int count) throws IOException {
        List<String[]> sample = sample();
        List<PaperIndex.Change> changes = new ArrayList<>(count);
        LocalDate last = LocalDate.of(2026, 12, 2);
        for (int i = 0; i < count; i++) {
            String[] p = sample.get(i % sample.size());
            String title = p[0] + " (bench " + i / sample.size() + ")";
            LocalDate day = last.minusDays(i / sample.size() % 323);
            List<Entity> entities = new ArrayList<>();
            for (String name : NAMES) {
                Matcher m = Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(p[1]);
                if (m.find()) {
                    EntityType type = name.equals("ImageNet") || name.equals("GLUE") || name.equals("SQuAD") || name.equals("PubMed")
                            ? EntityType.DATASET : EntityType.MODEL;
                    entities.add(new Entity(type, name, Entity.ABSTRACT, m.start(), m.end()));
                }
            }
            MergedPaper paper = new MergedPaper("bench" + i, 1, title, p[1], null, List.of(new MergedPaper.Sighting(day, "bench", i % 62)),
                    List.of(day), List.of(), false, entities, List.of(), null, 1, Instant.EPOCH, Instant.EPOCH);
            changes.add(new PaperIndex.Change(paper, new String(JSON.serialize(Topics.PAPERS_MERGED, paper), StandardCharsets.UTF_8)));
        }
        return changes;
    }

    private static List<String[]> sample() throws IOException {
        Path page = Path.of(System.getProperty("paperpulse.sample", "../samples/digests/trending-papers-mar-11.txt"));
        List<String> lines = Files.readAllLines(page).stream().filter(l -> !l.isBlank()).toList();
        int date = lines.indexOf("Mar 11");
        List<String[]> papers = new ArrayList<>();
        for (int i = date + 1; i + 1 < lines.size(); i += 2) {
            papers.add(new String[] {lines.get(i), lines.get(i + 1)});
        }
        return papers;
    }

    private static QueryConfig config(Path directory) {
        return new QueryConfig() {
            @Override
            public Writes writes() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Index index() {
                return new Index() {
                    @Override
                    public Path directory() {
                        return directory;
                    }

                    @Override
                    public Duration commitInterval() {
                        return Duration.ofSeconds(5);
                    }

                    @Override
                    public int maxPollRecords() {
                        return 2000;
                    }

                    @Override
                    public Duration refreshInterval() {
                        return Duration.ofMillis(250);
                    }
                };
            }

            @Override
            public Stream stream() {
                throw new UnsupportedOperationException();
            }
        };
    }
}
