package io.paperpulse.ingest.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.paperpulse.contracts.DigestIds;
import io.paperpulse.contracts.EventJson;
import io.paperpulse.contracts.ParsedPaper;
import io.paperpulse.contracts.Topics;
import io.paperpulse.ingest.intake.IngestConfig;
import io.paperpulse.ingest.parse.BadPages;
import io.paperpulse.ingest.parse.BadPages.BadPage;
import io.paperpulse.ingest.parse.BadPages.Category;
import io.paperpulse.ingest.parse.DigestParser;
import io.paperpulse.ingest.parse.PageFormat;
import io.paperpulse.ingest.parse.PageInput;
import io.paperpulse.ingest.parse.PaperEntry;
import io.paperpulse.ingest.parse.PaperPromises;
import io.paperpulse.ingest.parse.ParsedPage;
import io.paperpulse.ingest.parse.RejectedPageException;
import io.paperpulse.ingest.store.DigestRepository;
import io.paperpulse.testing.KafkaBrokerResource;
import io.paperpulse.testing.MongoStoreResource;
import io.paperpulse.testing.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The bad-input suite over Kafka, seeded (the seed is printed; {@code -Dfuzz.seed=N} replays a run): pages of every
 * category of {@link BadPages}, sized around the page limit, on {@code digests.raw}. Once the service's group has
 * committed the topic to its end, the offsets tell what it did: each page the service refuses (over the limit, a
 * media type it does not read, or what the parser refuses) is on {@code digests.raw.dlq} with that very reason, each
 * page the parser reads has its papers on {@code papers.parsed}, keeping the parser's promises, or, when one of them is
 * over the record limit, is dead-lettered whole; and nothing else is written to either topic.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = MongoStoreResource.class, restrictToAnnotatedClass = false)
class BadPagesFlowTest {
    private static final String GROUP = "ingest-service";
    private static final String DLQ = Topics.DIGESTS_RAW + Topics.DLQ_SUFFIX;
    private static final int PER_CATEGORY = 13;
    private static final LocalDate DATE = LocalDate.of(2026, 3, 11);
    private static final Pattern PAPER_TOO_LARGE = Pattern.compile("paper \\d+ '.*' \\(id [0-9a-f]{20}\\) is \\d+ bytes .* refused whole.*",
            Pattern.DOTALL);
    private static final Duration ALL_READ = Duration.ofMinutes(3);
    private static final long OWN_PAGES = 0x6b61666b61L;

    private final DigestParser parser = new DigestParser();

    @Inject
    IngestConfig config;

    @Inject
    DigestRepository store;

    /** A page sent, and what the service must make of it: a dead letter with {@code reason}, or the papers {@code parsed}. */
    private record Sent(BadPage page, String digestId, String reason, ParsedPage parsed) {
    }

    @Test
    void everyRefusedPageIsDeadLetteredWithItsReasonAndEveryReadPagePublishesItsPapers() {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("BadPagesFlowTest seed " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
        // pages of its own when one seed replays this test and the REST one: those would be known, and answered from their records
        BadPages pages = new BadPages(new Random(seed ^ OWN_PAGES), BadPages.Scale.around(config.maxBodyBytes()));
        TopicOffsets.awaitConsumedToEnd(GROUP, Topics.DIGESTS_RAW, ALL_READ); // what other tests sent is done with
        Map<TopicPartition, Long> lettersFrom = TopicOffsets.endOffsets(DLQ);
        Map<TopicPartition, Long> papersFrom = TopicOffsets.endOffsets(Topics.PAPERS_PARSED);

        Map<String, Sent> sent = new LinkedHashMap<>();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        Set<String> digests = new HashSet<>();
        for (int i = 0; i < PER_CATEGORY * Category.values().length; i++) {
            BadPage page = pages.next(Category.values()[i % Category.values().length]);
            String digestId = DigestIds.of(page.body());
            if (!digests.add(digestId) || store.findWithoutRaw(digestId).await().indefinitely() != null) {
                continue; // bytes pushed before are answered from their record: not this test's subject
            }
            String key = "badinput-" + i;
            sent.put(key, expect(page, digestId));
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.DIGESTS_RAW, key, page.body());
            record.headers().add(Topics.HEADER_DIGEST_DATE, TopicOffsets.utf8(DATE.toString()));
            record.headers().add(Topics.HEADER_SOURCE, TopicOffsets.utf8("badinput"));
            if (page.contentType() != null) {
                record.headers().add(Topics.HEADER_CONTENT_TYPE, TopicOffsets.utf8(page.contentType()));
            }
            records.add(record);
        }
        TopicOffsets.sendAll(records);
        TopicOffsets.awaitConsumedToEnd(GROUP, Topics.DIGESTS_RAW, ALL_READ);

        Map<String, String> reasons = new HashMap<>();
        for (ConsumerRecord<String, byte[]> letter : TopicOffsets.read(DLQ, lettersFrom)) {
            assertTrue(sent.containsKey(letter.key()) && reasons.put(letter.key(), TestKafka.header(letter, "dead-letter-reason")) == null,
                    "a dead letter of no page sent here, or a second one: " + letter.key());
        }
        Map<String, List<ParsedPaper>> published = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : TopicOffsets.read(Topics.PAPERS_PARSED, papersFrom)) {
            ParsedPaper paper = EventJson.read(TestKafka.text(record.value()), ParsedPaper.class);
            published.computeIfAbsent(paper.digestId(), d -> new ArrayList<>()).add(paper);
        }

        List<String> wrong = new ArrayList<>();
        int refused = 0;
        for (Map.Entry<String, Sent> entry : sent.entrySet()) {
            String problem = wrongOutcome(entry.getValue(), reasons.get(entry.getKey()), published.remove(entry.getValue().digestId()));
            if (problem != null) {
                wrong.add(entry.getKey() + " " + entry.getValue().page() + ": " + problem);
            }
            refused += reasons.containsKey(entry.getKey()) ? 1 : 0;
        }
        System.out.println("BadPagesFlowTest " + sent.size() + " pages: " + refused + " dead-lettered, " + (sent.size() - refused) + " published");
        assertEquals(List.of(), wrong, "seed " + seed);
        assertEquals(Map.of(), published, "papers of no page sent here");
        assertEquals(refused, TopicOffsets.total(TopicOffsets.endOffsets(DLQ)) - TopicOffsets.total(lettersFrom), "the DLQ grew by the pages refused, no more");
        assertTrue(refused > 0 && refused < sent.size(), "pages refused and pages read: " + refused + " of " + sent.size());
    }

    /** What the service must do with a page: it checks the size and media type, then parses. */
    private Sent expect(BadPage page, String digestId) {
        if (page.body().length > config.maxBodyBytes()) {
            return new Sent(page, digestId, RejectedPageException.tooLarge(page.body().length, config.maxBodyBytes()).getMessage(), null);
        }
        try {
            PageFormat.declared(page.contentType());
            return new Sent(page, digestId, null, parser.parse(new PageInput(page.body(), page.contentType(), DATE, Instant.now())));
        } catch (RejectedPageException refusal) {
            return new Sent(page, digestId, refusal.getMessage(), null);
        }
    }

    /** What is wrong with what became of a page, or {@code null}. */
    private String wrongOutcome(Sent page, String reason, List<ParsedPaper> papers) {
        if (page.reason() != null) {
            return page.reason().equals(reason) && papers == null ? null
                    : "expected a dead letter '" + page.reason() + "', got " + (reason == null ? "none" : "'" + reason + "'") + " and "
                            + (papers == null ? 0 : papers.size()) + " papers";
        }
        int largest = page.parsed().papers().stream().mapToInt(BadPagesFlowTest::textBytes).max().orElse(0);
        if (reason != null) { // a paper over the record limit: possible only when one is near it (JSON at most doubles a text)
            return PAPER_TOO_LARGE.matcher(reason).matches() && papers == null && largest > recordLimit() / 2 - 1024 ? null
                    : "read by the parser, its largest paper " + largest + " bytes, but dead-lettered: '" + reason + "'";
        }
        if (largest > recordLimit()) {
            return "a paper of " + largest + " bytes, over the record limit, was published";
        }
        List<String> expected = page.parsed().papers().stream().map(PaperEntry::id).toList();
        List<ParsedPaper> got = papers == null ? List.of() : papers.stream().sorted(Comparator.comparingInt(ParsedPaper::position)).toList();
        if (!expected.equals(got.stream().map(ParsedPaper::id).toList())) {
            return "published " + got.size() + " papers, the parser reads " + expected.size();
        }
        for (ParsedPaper paper : got) {
            String broken = PaperPromises.brokenText(paper.title(), false);
            if (broken == null && paper.abstractText() != null) {
                broken = PaperPromises.brokenText(paper.abstractText(), true);
            }
            if (broken != null) {
                return "published paper " + paper.id() + " has " + broken;
            }
        }
        return null;
    }

    private static int textBytes(PaperEntry paper) {
        return paper.title().getBytes(StandardCharsets.UTF_8).length
                + (paper.abstractText() == null ? 0 : paper.abstractText().getBytes(StandardCharsets.UTF_8).length);
    }

    private static int recordLimit() {
        return ConfigProvider.getConfig().getValue("mp.messaging.outgoing.papers-parsed.max.request.size", Integer.class);
    }
}
