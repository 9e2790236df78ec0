package io.paperpulse.enrich.quality;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.paperpulse.contracts.Entity;
import io.paperpulse.contracts.EntityType;
import io.paperpulse.contracts.Metric;
import io.paperpulse.enrich.extract.Extraction;
import io.paperpulse.enrich.extract.PaperExtractor;

/**
 * Scores the extractor against the labelled dev set: precision, recall and F1 per entity type (match on type and
 * surface text per paper; METHOD reported but optional), for metrics (text span + kind + value, and text only) and for
 * links. Run with {@code bench/enrich-quality.sh}; {@code --verbose} lists misses and false hits, {@code --dump}
 * prints what the extractor finds on every paper of every page.
 */
public final class QualityReport {
    /** Names the guidelines neither require nor count against an extractor: families, fields and paradigms. */
    static final Set<String> NOT_COUNTED = Set.of("cnn", "cnns", "rnn", "rnns", "lstm", "lstms", "gnn", "gnns",
            "llm", "llms", "transformer", "transformers", "nlp", "computer vision", "transfer learning",
            "pre-training", "pretraining", "fine-tuning", "finetuning", "classification", "natural language processing");

    /** Counts of one measured category. */
    public static final class Score {
        public int tp;
        public int fp;
        public int fn;

        public double precision() {
            return tp + fp == 0 ? 1.0 : tp / (double) (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 1.0 : tp / (double) (tp + fn);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        void add(Score o) {
            tp += o.tp;
            fp += o.fp;
            fn += o.fn;
        }
    }

    /** Scores by category name: entity types, "metrics", "metrics-text", "links". */
    public static Map<String, Score> score(List<DevPage> pages, PaperExtractor extractor, List<String> log) {
        Map<String, Score> scores = new LinkedHashMap<>();
        for (EntityType t : EntityType.values()) {
            scores.put(t.name(), new Score());
        }
        scores.put("metrics", new Score());
        scores.put("metrics-text", new Score());
        scores.put("links", new Score());
        for (DevPage page : pages) {
            for (DevPage.Paper paper : page.papers()) {
                if (paper.labels() == null) {
                    continue;
                }
                Extraction x = extractor.extract(paper.title(), paper.abstractText());
                String tag = page.name() + " | " + paper.title();
                for (EntityType t : EntityType.values()) {
                    Set<String> gold = new HashSet<>();
                    for (JsonNode e : paper.labels().path("entities")) {
                        if (t.name().equalsIgnoreCase(e.path("type").asText()) && counted(e.path("text").asText())) {
                            gold.add(e.path("text").asText());
                        }
                    }
                    Set<String> pred = new HashSet<>();
                    for (Entity e : x.entities()) {
                        if (e.type() == t && counted(e.text())) {
                            pred.add(e.text());
                        }
                    }
                    compare(scores.get(t.name()), gold, pred, t.name(), tag, log);
                }
                Set<String> goldLinks = new HashSet<>();
                paper.labels().path("links").forEach(l -> goldLinks.add(l.asText()));
                compare(scores.get("links"), goldLinks, new HashSet<>(x.links()), "LINK", tag, log);
                Set<String> goldMetrics = new HashSet<>();
                Set<String> goldText = new HashSet<>();
                for (JsonNode m : paper.labels().path("metrics")) {
                    goldMetrics.add(metricKey(m.path("text").asText(), m.path("kind").asText(),
                            m.hasNonNull("value") ? m.get("value").asDouble() : null));
                    goldText.add(m.path("text").asText());
                }
                Set<String> predMetrics = new HashSet<>();
                Set<String> predText = new HashSet<>();
                for (Metric m : x.metrics()) {
                    predMetrics.add(metricKey(m.text(), m.kind(), m.value()));
                    predText.add(m.text());
                }
                compare(scores.get("metrics"), goldMetrics, predMetrics, "METRIC", tag, log);
                compare(scores.get("metrics-text"), goldText, predText, "METRIC-TEXT", tag, null);
            }
        }
        return scores;
    }

    static boolean counted(String text) {
        return !NOT_COUNTED.contains(text.toLowerCase(Locale.ROOT));
    }

    static String metricKey(String text, String kind, Double value) {
        String v = value == null ? "null" : String.format(Locale.ROOT, "%.6g", value);
        return text + " | " + kind + " | " + v;
    }

    private static void compare(Score s, Set<String> gold, Set<String> pred, String what, String tag, List<String> log) {
        for (String p : pred) {
            if (gold.contains(p)) {
                s.tp++;
            } else {
                s.fp++;
                if (log != null) {
                    log.add("FP " + what + " [" + p + "]   " + tag);
                }
            }
        }
        for (String g : gold) {
            if (!pred.contains(g)) {
                s.fn++;
                if (log != null) {
                    log.add("FN " + what + " [" + g + "]   " + tag);
                }
            }
        }
    }

    static String table(String title, Map<String, Score> scores) {
        StringBuilder sb = new StringBuilder();
        sb.append(title).append('\n');
        sb.append(String.format(Locale.ROOT, "  %-13s %6s %6s %6s %5s %5s %5s%n", "category", "P", "R", "F1", "tp", "fp", "fn"));
        Score entities = new Score();
        for (Map.Entry<String, Score> e : scores.entrySet()) {
            Score s = e.getValue();
            String name = e.getKey();
            if (isEntityType(name) && !name.equals("METHOD")) {
                entities.add(s);
            }
            sb.append(String.format(Locale.ROOT, "  %-13s %6.3f %6.3f %6.3f %5d %5d %5d%s%n", name, s.precision(),
                    s.recall(), s.f1(), s.tp, s.fp, s.fn, name.equals("METHOD") ? "  (optional)" : ""));
        }
        sb.append(String.format(Locale.ROOT, "  %-13s %6.3f %6.3f %6.3f %5d %5d %5d%n", "entities*", entities.precision(),
                entities.recall(), entities.f1(), entities.tp, entities.fp, entities.fn));
        sb.append("  (* micro average of MODEL, DATASET, TASK, ORG, FRAMEWORK)\n");
        return sb.toString();
    }

    static boolean isEntityType(String name) {
        for (EntityType t : EntityType.values()) {
            if (t.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of("src/test/resources/devset");
        boolean verbose = false;
        boolean dump = false;
        for (String a : args) {
            if (a.equals("--verbose") || a.equals("-v")) {
                verbose = true;
            } else if (a.equals("--dump")) {
                dump = true;
            } else {
                dir = Path.of(a);
            }
        }
        PaperExtractor extractor = new PaperExtractor();
        List<DevPage> pages = DevPage.load(dir);
        if (dump) {
            for (DevPage page : pages) {
                for (DevPage.Paper p : page.papers()) {
                    Extraction x = extractor.extract(p.title(), p.abstractText());
                    System.out.println("## " + p.title());
                    for (Entity e : x.entities()) {
                        System.out.println("  " + e.type() + " [" + e.text() + "] " + e.field() + " " + e.start());
                    }
                    for (Metric m : x.metrics()) {
                        System.out.println("  METRIC " + m.kind() + " [" + m.text() + "] " + m.value());
                    }
                    for (String l : x.links()) {
                        System.out.println("  LINK " + l);
                    }
                }
            }
            return;
        }
        List<String> log = verbose ? new ArrayList<>() : null;
        Map<String, Score> total = null;
        int labelled = 0;
        for (DevPage page : pages) {
            long n = page.papers().stream().filter(p -> p.labels() != null).count();
            if (n == 0) {
                continue;
            }
            labelled++;
            Map<String, Score> s = score(List.of(page), extractor, log);
            System.out.println(table("page " + page.name() + " (" + n + " papers)", s));
            if (total == null) {
                total = s;
            } else {
                for (Map.Entry<String, Score> e : s.entrySet()) {
                    total.get(e.getKey()).add(e.getValue());
                }
            }
        }
        if (total == null) {
            System.out.println("no labelled page under " + dir.toAbsolutePath());
            return;
        }
        if (labelled > 1) {
            System.out.println(table("all pages", total));
        }
        System.out.println("targets: F1 >= 0.90 MODEL, DATASET, ORG, FRAMEWORK; 0.80 TASK; 0.85 metrics; 1.0 links");
        if (log != null) {
            log.sort(null);
            log.forEach(System.out::println);
        }
    }
}
