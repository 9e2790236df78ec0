package io.paperpulse.query;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.paperpulse.contracts.EnrichedPaper;
import io.paperpulse.contracts.Entity;
import io.paperpulse.contracts.EntityType;
import io.paperpulse.contracts.EventSerializer;
import io.paperpulse.contracts.ParsedPaper;
import io.paperpulse.contracts.TextStats;
import io.paperpulse.testing.TestKafka;

/**
 * Builds enriched papers for tests and sends them through the real {@code papers.enriched} topic. The store is shared
 * by every test of the JVM, so each test class works in its own namespace: random letters in ids, titles and names.
 */
public final class TestPapers {
    private static final Random RANDOM = new Random();

    private TestPapers() {
    }

    /** Eight random lower-case letters: a word no other test and no sample paper uses. */
    public static String namespace() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            s.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return s.toString();
    }

    public static Builder paper(String id) {
        return new Builder(id);
    }

    public static void send(EnrichedPaper paper) {
        TestKafka.shared().send("papers.enriched", paper.id(),
                new String(new EventSerializer().serialize("papers.enriched", paper), StandardCharsets.UTF_8));
    }

    public static void awaitStored(String id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/papers/{id}", id).statusCode() == 200);
    }

    /** A paper under construction; entities are found in the title and abstract by their text. */
    public static final class Builder {
        private final String id;
        private String title = "Untitled";
        private String abstractText = "";
        private LocalDate date = LocalDate.of(2030, 1, 1);
        private String source = "hf-trending";
        private int position;
        private int version = 1;
        private Instant enrichedAt = Instant.parse("2030-01-01T00:00:00Z");
        private final List<String> links = new ArrayList<>();
        private final List<Object[]> entities = new ArrayList<>();

        private Builder(String id) {
            this.id = id;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder abstractText(String abstractText) {
            this.abstractText = abstractText;
            return this;
        }

        public Builder listed(LocalDate date, String source, int position) {
            this.date = date;
            this.source = source;
            this.position = position;
            return this;
        }

        public Builder listed(LocalDate date) {
            this.date = date;
            return this;
        }

        public Builder version(int version, Instant enrichedAt) {
            this.version = version;
            this.enrichedAt = enrichedAt;
            return this;
        }

        public Builder link(String url) {
            links.add(url);
            return this;
        }

        /** Every occurrence of {@code text} in the title and abstract, as the extractor reports one per surface form. */
        public Builder entity(EntityType type, String text) {
            entities.add(new Object[] {type, text});
            return this;
        }

        public EnrichedPaper build() {
            List<Entity> found = new ArrayList<>();
            for (Object[] e : entities) {
                String text = (String) e[1];
                boolean inTitle = addFirst(found, (EntityType) e[0], text, title, Entity.TITLE);
                if (!inTitle && !addFirst(found, (EntityType) e[0], text, abstractText, Entity.ABSTRACT)) {
                    throw new IllegalArgumentException("'" + text + "' is not in the title or abstract of " + id);
                }
            }
            ParsedPaper paper = new ParsedPaper(id, title, abstractText, date, "digest-" + date + "-" + source, source,
                    position, null, Instant.parse("2030-01-01T00:00:00Z"));
            int words = (title + " " + abstractText).split("\\s+").length;
            return new EnrichedPaper(paper, version, found, List.copyOf(links), List.of(),
                    new TextStats(words, 1, words / 200.0), enrichedAt);
        }

        private static boolean addFirst(List<Entity> found, EntityType type, String text, String field, String name) {
            Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(text) + "(?![\\p{L}\\p{N}_])").matcher(field);
            if (m.find()) {
                found.add(new Entity(type, text, name, m.start(), m.end()));
                return true;
            }
            return false;
        }

        public EnrichedPaper send() {
            EnrichedPaper built = build();
            TestPapers.send(built);
            return built;
        }
    }
}
