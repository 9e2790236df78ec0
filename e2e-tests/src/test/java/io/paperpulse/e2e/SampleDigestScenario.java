package io.paperpulse.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.paperpulse.contracts.DigestIds;
import io.paperpulse.contracts.Topics;

/**
 * What a user does first: push the sample digest onto digests.raw with a plain Kafka producer and read the gateway.
 * Shared by the embedded-infrastructure and the container variants.
 */
final class SampleDigestScenario {
    static final Path SAMPLE = Path.of(System.getProperty("paperpulse.root", ".."), "samples/digests/trending-papers-mar-11.txt");
    private static final ObjectMapper JSON = new ObjectMapper();

    private SampleDigestScenario() {
    }

    static void run(String kafka, PipelineProcesses services) throws Exception {
        byte[] page = Files.readAllBytes(SAMPLE);
        List<String> expectedTitles = titleLines(page);
        assertEquals(62, expectedTitles.size());

        push(kafka, page);
        List<String> served = awaitTitles(services.gateway(), 62);
        assertEquals(expectedTitles.stream().sorted().toList(), served.stream().sorted().toList(),
                "the gateway serves exactly the sample's papers");

        PipelineOffsets offsets = new PipelineOffsets(kafka);
        offsets.awaitConsumed("ingest-service", Topics.DIGESTS_RAW);
        offsets.awaitConsumed("query-service", Topics.PAPERS_ENRICHED);
        long parsedBefore = offsets.endOffsets(Topics.PAPERS_PARSED);
        push(kafka, page);
        offsets.awaitConsumed("ingest-service", Topics.DIGESTS_RAW);
        assertEquals(parsedBefore, offsets.endOffsets(Topics.PAPERS_PARSED), "a page already ingested publishes nothing again");
        assertEquals(62, total(services.gateway()), "pushing the same page again changes nothing");
        assertEquals(served.stream().sorted().toList(), titles(services.gateway()).stream().sorted().toList());

        // the same papers listed again the next day: every paper now has two digest dates
        byte[] nextDay = new String(page, StandardCharsets.UTF_8).replaceFirst("(?m)^Mar 11$", "Mar 12").getBytes(StandardCharsets.UTF_8);
        push(kafka, nextDay);
        awaitAnswer(services.gateway(), "/digests", body -> body.contains("-03-12\""));
        offsets.awaitConsumed("query-service", Topics.PAPERS_ENRICHED);

        // a new replica builds its index from the changelog alone and answers exactly as the old one
        String replica = services.startQueryReplica();
        for (String path : List.of("/papers?size=100", "/papers?size=100&sort=title", "/papers?q=language%20model&size=100&sort=date",
                "/papers?dataset=ImageNet", "/entities?size=100", "/entities?type=MODEL&size=100", "/trending?days=1",
                "/digests", "/stats")) {
            JsonNode rebuilt = read(PipelineProcesses.get(replica + path));
            assertEquals(rebuilt, read(awaitAnswer(services.gateway(), path, body -> read(body).equals(rebuilt))), path);
        }
        // ranked by relevance, the same papers: BM25 statistics count updated papers' old versions until their segments
        // merge, so close scores may order differently on a replica whose index has seen fewer updates
        String ranked = "/papers?q=language%20model&size=100";
        assertEquals(ids(read(PipelineProcesses.get(replica + ranked))), ids(read(PipelineProcesses.get(services.gateway() + ranked))), ranked);
        for (JsonNode day : read(PipelineProcesses.get(replica + "/digests")).get("items")) {
            String path = "/digests/" + day.get("date").asText() + "?size=100";
            assertEquals(62, read(PipelineProcesses.get(replica + path)).get("total").asInt(), path);
            assertEquals(read(PipelineProcesses.get(services.gateway() + path)), read(PipelineProcesses.get(replica + path)), path);
        }
        read(PipelineProcesses.get(replica + "/papers?size=100")).get("items")
                .forEach(p -> assertEquals(2, p.get("digestDates").size(), "digest dates after a rebuild: " + p));
    }

    private static java.util.Set<String> ids(JsonNode page) {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    /** The body of a GET once it satisfies {@code done}, within 90 s. */
    private static String awaitAnswer(String gateway, String path, java.util.function.Predicate<String> done) {
        long deadline = System.currentTimeMillis() + Duration.ofSeconds(90).toMillis();
        String body = PipelineProcesses.get(gateway + path);
        while (!done.test(body) && System.currentTimeMillis() < deadline) {
            PipelineProcesses.sleep(300);
            body = PipelineProcesses.get(gateway + path);
        }
        return body;
    }

    static void push(String kafka, byte[] page) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.DIGESTS_RAW, DigestIds.of(page), page)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot push the sample", e);
        }
    }

    private static List<String> awaitTitles(String gateway, int count) {
        long deadline = System.currentTimeMillis() + Duration.ofSeconds(90).toMillis();
        while (total(gateway) < count && System.currentTimeMillis() < deadline) {
            PipelineProcesses.sleep(500);
        }
        return titles(gateway);
    }

    static long total(String gateway) {
        return read(PipelineProcesses.get(gateway + "/papers?size=1")).get("total").asLong();
    }

    static List<String> titles(String gateway) {
        List<String> titles = new ArrayList<>();
        for (int p = 0; ; p++) {
            JsonNode page = read(PipelineProcesses.get(gateway + "/papers?size=100&page=" + p));
            page.get("items").forEach(item -> titles.add(item.get("title").asText()));
            if (page.get("items").size() < 100) {
                return titles;
            }
        }
    }

    static List<String> titleLines(byte[] page) {
        List<String> lines = new String(page, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        int date = lines.indexOf("Mar 11");
        return IntStream.range(0, (lines.size() - date - 1) / 2).mapToObj(i -> lines.get(date + 1 + 2 * i)).toList();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
