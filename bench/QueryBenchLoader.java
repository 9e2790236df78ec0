import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import io.paperpulse.contracts.EnrichedPaper;
import io.paperpulse.contracts.Entity;
import io.paperpulse.contracts.EntityType;
import io.paperpulse.contracts.EventJson;
import io.paperpulse.contracts.ParsedPaper;
import io.paperpulse.contracts.TextStats;

/**
 * Load for bench/query-load.sh: publishes N enriched papers to papers.enriched, variations of the real abstracts of a
 * digest sample. Each variation swaps the sample's named entities for others of the same type (a few models and
 * datasets more often in the last week, so /trending has something to find), drops a sentence now and then, and is
 * listed on one of DAYS digest days ending on END, a third of them on the following day too.
 *
 * Usage (classpath: local-infra jar and its lib/): java QueryBenchLoader.java SAMPLE N BOOTSTRAP
 */
public final class QueryBenchLoader {
    static final LocalDate END = LocalDate.of(2026, 3, 11);
    static final int DAYS = 60;
    static final Map<EntityType, List<String>> GAZETTEER = new LinkedHashMap<>();
    static {
        GAZETTEER.put(EntityType.MODEL, List.of("BERT", "RoBERTa", "GPT", "ChatGPT", "GPT-4", "ResNet-50", "MobileNetV3-large",
                "ELECTRA", "ERNIE 3.0", "CLIP", "Llama2", "T5", "ViT", "Mistral 7B", "Whisper"));
        GAZETTEER.put(EntityType.DATASET, List.of("ImageNet", "ImageNet-1k", "CIFAR-10", "IMDB", "BLURB", "CaseHOLD", "Cora",
                "PubMed", "ogbn-arxiv", "GLUE", "SQuAD", "MS MARCO", "COCO"));
        GAZETTEER.put(EntityType.TASK, List.of("named entity recognition", "text classification", "sentiment analysis",
                "question answering", "machine translation", "object detection", "semantic segmentation",
                "image classification", "summarization"));
        GAZETTEER.put(EntityType.ORG, List.of("OpenAI", "Google", "Meta", "Microsoft", "DeepMind"));
        GAZETTEER.put(EntityType.FRAMEWORK, List.of("PaddlePaddle", "Megatron-LM", "PaddleClas", "PyTorch", "TensorFlow", "JAX"));
    }
    /** Names that appear more often in the last week's digests. */
    static final List<String> RISING = List.of("Llama2", "Mistral 7B", "MS MARCO", "SQuAD");
    static final List<String> PREFIXES = List.of("Efficient", "Scalable", "Robust", "Revisiting", "Towards", "Rethinking",
            "Simple", "Sparse", "Unified", "Adaptive", "Multilingual", "Federated", "Lightweight", "Contrastive", "Causal");
    static final Pattern URL = Pattern.compile("https?://\\S+[^\\s.,;:)]");

    public static void main(String[] args) throws Exception {
        List<String[]> sample = titlesAndAbstracts(Files.readString(Path.of(args[0])));
        int papers = Integer.parseInt(args[1]);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, args[2]);
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        Random random = new Random(42);
        Map<String, Integer> positions = new LinkedHashMap<>();
        int records = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < papers; i++) {
                LocalDate date = END.minusDays(DAYS - 1 - (long) i * DAYS / papers);
                boolean recent = !date.isBefore(END.minusDays(6));
                String[] base = sample.get(i % sample.size());
                String title = PREFIXES.get(random.nextInt(PREFIXES.size())) + " " + vary(base[0], random, recent) + " " + (i / sample.size() + 1);
                String abstractText = dropASentence(vary(base[1], random, recent), random);
                String id = String.format("bench%05d", i);
                String source = random.nextInt(10) < 7 ? "hf-trending" : "hf-daily";
                records += send(producer, id, title, abstractText, date, source, positions);
                if (random.nextInt(3) == 0 && date.isBefore(END)) {
                    records += send(producer, id, title, abstractText, date.plusDays(1), source, positions);
                }
            }
        }
        System.out.printf("published %d records for %d papers over %d digest days%n", records, papers, DAYS);
    }

    static int send(KafkaProducer<String, String> producer, String id, String title, String abstractText, LocalDate date,
            String source, Map<String, Integer> positions) throws Exception {
        int position = positions.merge(date + source, 1, Integer::sum) - 1;
        ParsedPaper paper = new ParsedPaper(id, title, abstractText, date, "bench-" + date + "-" + source, source, position, null,
                date.atStartOfDay().toInstant(java.time.ZoneOffset.UTC));
        List<String> links = new ArrayList<>();
        Matcher m = URL.matcher(abstractText);
        while (m.find()) {
            if (!links.contains(m.group())) {
                links.add(m.group());
            }
        }
        int words = (title + " " + abstractText).split("\\s+").length;
        EnrichedPaper enriched = new EnrichedPaper(paper, 1, entities(title, abstractText), links, List.of(),
                new TextStats(words, abstractText.split("[.!?]\\s").length, words / 238.0), Instant.parse("2026-03-11T08:00:00Z"));
        producer.send(new ProducerRecord<>("papers.enriched", id, EventJson.mapper().writeValueAsString(enriched)));
        return 1;
    }

    /** Swaps each named entity for one of its type; in the last week the rising names are picked more often. */
    static String vary(String text, Random random, boolean recent) {
        for (var type : GAZETTEER.entrySet()) {
            for (String name : type.getValue()) {
                Matcher m = boundary(name).matcher(text);
                StringBuilder out = new StringBuilder();
                while (m.find()) {
                    List<String> names = type.getValue();
                    String pick = names.get(random.nextInt(names.size()));
                    if (recent && random.nextInt(3) == 0) {
                        List<String> rising = RISING.stream().filter(names::contains).toList();
                        pick = rising.isEmpty() ? pick : rising.get(random.nextInt(rising.size()));
                    }
                    m.appendReplacement(out, Matcher.quoteReplacement(random.nextInt(4) == 0 ? name : pick));
                }
                m.appendTail(out);
                text = out.toString();
            }
        }
        return text;
    }

    static String dropASentence(String text, Random random) {
        String[] sentences = text.split("(?<=[.!?])\\s+");
        if (sentences.length < 4 || random.nextInt(2) == 0) {
            return text;
        }
        int drop = 1 + random.nextInt(sentences.length - 2);
        StringBuilder out = new StringBuilder();
        for (int s = 0; s < sentences.length; s++) {
            if (s != drop) {
                out.append(out.isEmpty() ? "" : " ").append(sentences[s]);
            }
        }
        return out.toString();
    }

    /** One entity per distinct surface form, where it first stands (title before abstract). */
    static List<Entity> entities(String title, String abstractText) {
        List<Entity> found = new ArrayList<>();
        for (var type : GAZETTEER.entrySet()) {
            for (String name : type.getValue()) {
                for (String form : List.of(name, name.toLowerCase(), Character.toUpperCase(name.charAt(0)) + name.substring(1))) {
                    if (found.stream().anyMatch(e -> e.text().equals(form))) {
                        continue;
                    }
                    Matcher t = boundary(form).matcher(title);
                    Matcher a = boundary(form).matcher(abstractText);
                    if (t.find()) {
                        found.add(new Entity(type.getKey(), form, Entity.TITLE, t.start(), t.end()));
                    } else if (a.find()) {
                        found.add(new Entity(type.getKey(), form, Entity.ABSTRACT, a.start(), a.end()));
                    }
                }
            }
        }
        return found;
    }

    static Pattern boundary(String name) {
        return Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}_])");
    }

    /** The sample's (title, abstract) pairs: a short paragraph followed by a long one. */
    static List<String[]> titlesAndAbstracts(String page) {
        String[] paragraphs = page.split("\\n\\s*\\n");
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < paragraphs.length; i++) {
            String title = paragraphs[i].strip();
            String abstractText = paragraphs[i + 1].strip();
            if (title.length() < 300 && !title.contains("\n") && abstractText.length() >= 300) {
                pairs.add(new String[] {title, abstractText});
                i++;
            }
        }
        return pairs;
    }
}
