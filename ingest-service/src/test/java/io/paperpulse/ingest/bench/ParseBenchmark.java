package io.paperpulse.ingest.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import org.jsoup.nodes.Entities;

import io.paperpulse.ingest.parse.DigestParser;
import io.paperpulse.ingest.parse.PageInput;
import io.paperpulse.ingest.parse.PaperEntry;
import io.paperpulse.ingest.parse.ParsedPage;
import io.paperpulse.ingest.parse.Pages;

/**
 * Parsing speed on one thread (so per core): pages per second of the sample text digest (62 papers) and of the same
 * papers as an HTML page laid out like a browser-saved daily-papers page. bench/ingest-jmh.sh runs it and turns the
 * rates into MB/s and papers/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ParseBenchmark {

    @Param({"text", "html"})
    public String format;

    private final DigestParser parser = new DigestParser();
    private PageInput page;

    @Setup
    public void load() {
        byte[] text = Pages.sample();
        byte[] body = format.equals("text") ? text : html(parser.parse(input(text)));
        page = input(body);
        // read by bench/ingest-jmh.sh
        System.out.printf("PAGE format=%s bytes=%d papers=%d%n", format, body.length, parser.parse(page).papers().size());
    }

    @Benchmark
    public ParsedPage parse() {
        return parser.parse(page);
    }

    private static PageInput input(byte[] body) {
        return new PageInput(body, null, null, Instant.parse("2026-03-12T08:00:00Z"));
    }

    /** The papers as cards of a daily-papers page, with the navigation, scripts and footer such a page has. */
    private static byte[] html(ParsedPage papers) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><title>Daily Papers</title><style>.card{margin:1em}</style>"
                + "<script>window.state = {};</script></head><body><header><nav><a href=\"/models\">Models</a> <a href=\"/papers\">Papers</a>"
                + "</nav></header><main><h1>Daily Papers</h1><div><time datetime=\"2026-03-11\">Mar 11</time></div><div class=\"grid\">\n");
        for (PaperEntry p : papers.papers()) {
            html.append("<article class=\"card\"><div class=\"meta\"><span>42</span> Submitted by someone</div><h3 class=\"title\">")
                    .append("<a href=\"/papers/").append(p.id()).append("\">").append(Entities.escape(p.title())).append("</a></h3>")
                    .append("<p class=\"summary\">").append(Entities.escape(p.abstractText())).append("</p></article>\n");
        }
        html.append("</div><button>Load more</button></main><footer>© Hugging Face <a href=\"/terms\">TOS</a></footer></body></html>");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }
}
