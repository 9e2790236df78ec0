package io.paperpulse.enrich.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import io.paperpulse.enrich.extract.Extraction;
import io.paperpulse.enrich.extract.PaperExtractor;
import io.paperpulse.enrich.quality.DevPage;

/**
 * Throughput of {@link PaperExtractor#extract} on the real papers of the sample digest, one thread: the score is
 * abstracts per second on one core; with {@code -prof gc}, {@code gc.alloc.rate.norm} is the allocation per abstract.
 * 30 s of warm-up per fork: pinned to one CPU, the JIT compiler shares the core and the score settles after 15 to 20 s. Run with {@code bench/enrich-jmh.sh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 15, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Threads(1)
public class ExtractBenchmark {
    static final String SAMPLE = "devset/trending-papers-mar-11.txt";

    private PaperExtractor extractor;
    private String[][] papers;
    private int next;

    @Setup
    public void setup() throws IOException {
        extractor = new PaperExtractor();
        papers = samplePapers().toArray(new String[0][]);
        if (papers.length == 0) {
            throw new IllegalStateException("no paper in " + SAMPLE);
        }
    }

    /** Title and abstract of every paper of the sample digest. */
    public static List<String[]> samplePapers() throws IOException {
        try (InputStream in = ExtractBenchmark.class.getClassLoader().getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IOException(SAMPLE + " is not on the class path");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return DevPage.pairs(Arrays.stream(text.split("\n")).map(String::strip).toList());
        }
    }

    @Benchmark
    public Extraction extract() {
        String[] p = papers[next];
        next = next + 1 == papers.length ? 0 : next + 1;
        return extractor.extract(p[0], p[1]);
    }
}
