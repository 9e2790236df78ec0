import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The backfill of bench/backfill.sh: PAGES dated variants of the sample page (each one day earlier than the one
 * before, going back from FIRST_DATE, every title suffixed so every paper is new), first as a raw Kafka round trip
 * (produce to a scratch topic, consume back: the floor for the same bytes on the same broker), then pushed onto
 * digests.raw, timed until the gateway counts every paper. Prints one RESULT line of JSON.
 *
 * Usage (classpath: the local-infra jar and its lib/): java Backfill.java SAMPLE PAGES BOOTSTRAP GATEWAY FIRST_DATE
 */
public final class Backfill {
    private static final DateTimeFormatter DAY_LINE = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

    public static void main(String[] args) throws Exception {
        String sample = Files.readString(Path.of(args[0]));
        int pages = Integer.parseInt(args[1]);
        String bootstrap = args[2];
        String gateway = args[3];
        LocalDate first = LocalDate.parse(args[4]);

        List<String> dates = new ArrayList<>();
        List<byte[]> bodies = new ArrayList<>();
        int papersPerPage = 0;
        for (int i = 0; i < pages; i++) {
            LocalDate date = first.minusDays(i);
            String page = variant(sample, date, i);
            dates.add(date.toString());
            bodies.add(page.getBytes(StandardCharsets.UTF_8));
            papersPerPage = titles(sample);
        }
        long papers = (long) papersPerPage * pages;
        long bytes = bodies.stream().mapToLong(b -> b.length).sum();

        double roundTrip = roundTrip(bootstrap, bodies);
        long before = total(gateway);
        long started = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
            for (int i = 0; i < pages; i++) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>("digests.raw", UUID.randomUUID().toString(), bodies.get(i));
                record.headers().add("digest-date", dates.get(i).getBytes(StandardCharsets.UTF_8));
                record.headers().add("source", "bench".getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
            producer.flush();
        }
        double pushed = seconds(started);
        long served = before;
        long lastLag = System.nanoTime();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            while (served < before + papers) {
                Thread.sleep(200);
                served = total(gateway);
                if (System.nanoTime() - lastLag > 5_000_000_000L) {
                    System.out.printf(Locale.ROOT, "LAG %.0fs served=%d %s%n", seconds(started), served - before, lags(admin));
                    lastLag = System.nanoTime();
                }
                if (seconds(started) > 3600) {
                    break;
                }
            }
        }
        double queryable = seconds(started);
        double rate = (served - before) / queryable;
        double rawRate = papers / roundTrip;
        System.out.printf(Locale.ROOT, "RESULT {\"pages\":%d,\"papers\":%d,\"bytes\":%d,\"servedNew\":%d,\"pushSeconds\":%.1f,"
                + "\"queryableSeconds\":%.1f,\"papersPerSecond\":%.0f,\"rawRoundTripSeconds\":%.2f,\"rawPapersPerSecond\":%.0f,"
                + "\"ratio\":%.3f}%n", pages, papers, bytes, served - before, pushed, queryable, rate, roundTrip, rawRate, rate / rawRate);
    }

    /** Records each consumer group has still to read: where a backfill waits. */
    static String lags(Admin admin) throws Exception {
        StringBuilder out = new StringBuilder();
        for (var group : admin.listGroups().all().get()) {
            var offsets = admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new java.util.HashMap<>();
            offsets.keySet().forEach(tp -> latest.put(tp, org.apache.kafka.clients.admin.OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            long lag = offsets.entrySet().stream().mapToLong(e -> ends.get(e.getKey()).offset() - e.getValue().offset()).sum();
            out.append(group.groupId()).append('=').append(lag).append(' ');
        }
        return out.toString().strip();
    }

    /** The sample dated {@code date}, its titles suffixed with the page's number. */
    static String variant(String sample, LocalDate date, int n) {
        List<String> lines = new ArrayList<>(sample.lines().toList());
        int dateLine = lines.indexOf("Mar 11");
        lines.set(dateLine, DAY_LINE.format(date));
        for (int i = dateLine + 1; i < lines.size(); i += 2) {
            while (i < lines.size() && lines.get(i).isBlank()) {
                i++;
            }
            if (i < lines.size()) {
                lines.set(i, lines.get(i) + " (bench " + n + ")");
            }
            i++;
            while (i < lines.size() && lines.get(i).isBlank()) {
                i++;
            }
        }
        return String.join("\n", lines) + "\n";
    }

    static int titles(String sample) {
        List<String> lines = sample.lines().filter(l -> !l.isBlank()).toList();
        return (lines.size() - lines.indexOf("Mar 11") - 1) / 2;
    }

    /** Seconds to produce every page to a scratch topic and consume all of it back. */
    static double roundTrip(String bootstrap, List<byte[]> bodies) throws Exception {
        String topic = "bench.roundtrip." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1).configs(Map.of("max.message.bytes", "16777216")))).all().get();
        }
        long started = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
            for (byte[] body : bodies) {
                producer.send(new ProducerRecord<>(topic, UUID.randomUUID().toString(), body));
            }
            producer.flush();
        }
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            int read = 0;
            while (read < bodies.size()) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                read += records.count();
            }
        }
        return seconds(started);
    }

    static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");

    static long total(String gateway) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/papers?size=1")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = TOTAL.matcher(body);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
