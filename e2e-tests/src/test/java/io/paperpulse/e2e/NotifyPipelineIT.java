package io.paperpulse.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.paperpulse.contracts.Topics;
import io.paperpulse.e2e.WebhookReceiver.Call;
import io.paperpulse.e2e.WebhookReceiver.Outcome;
import io.paperpulse.infra.EmbeddedStore;
import io.paperpulse.infra.KraftBroker;
import io.paperpulse.infra.TopicSetup;

/**
 * Subscriptions end to end: the four packaged services as processes on the embedded infrastructure, a webhook
 * receiver in this JVM that checks signatures, and GreenMail as the SMTP server. Subscriptions are made with curl,
 * pages pushed over REST to ingest-service; what a subscription should get is what the gateway answers to its filters.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotifyPipelineIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final String NOTIFY_KEY = "e2e-notify-key";
    private static final String READER = "reader@example.org";
    private static final String WEBHOOK_FILTER = "dataset=ImageNet";
    private static final String MAIL_FILTER = "q=language%20model";
    private static final String KILLED_FILTER = "q=benchmark";

    private KraftBroker broker;
    private EmbeddedStore store;
    private MailInbox inbox;
    private WebhookReceiver receiver;
    private PipelineProcesses services;
    private PipelineOffsets offsets;
    private String notify;
    private byte[] page;
    private Curl.Created webhook;
    private Curl.Created mail;

    @BeforeAll
    void start() throws IOException {
        page = Files.readAllBytes(SampleDigestScenario.SAMPLE);
        broker = KraftBroker.temporary().start();
        store = EmbeddedStore.inMemory().start(0);
        TopicSetup.createMissing(broker.bootstrapServers());
        inbox = new MailInbox();
        receiver = new WebhookReceiver();
        Map<String, String> settings = new HashMap<>(inbox.smtpSettings());
        settings.putAll(Map.of("PAPERPULSE_NOTIFY_KEY", NOTIFY_KEY, "PAPERPULSE_NOTIFY_SIGNING_KEY", "e2e-signing-key",
                "PAPERPULSE_NOTIFY_ALLOW_PRIVATE", "true", // the receiver is on loopback
                // a call lost with its process is due again after three of these: short, for a short kill -9 test
                "NOTIFY_WEBHOOK_TIMEOUT", "3s"));
        services = new PipelineProcesses(broker.bootstrapServers(), store.connectionString(), settings,
                List.of(PipelineProcesses.INGEST, PipelineProcesses.ENRICH, PipelineProcesses.QUERY, PipelineProcesses.NOTIFY));
        offsets = new PipelineOffsets(broker.bootstrapServers());
        notify = services.url(PipelineProcesses.NOTIFY);
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable part : new AutoCloseable[] {services, receiver, inbox, store, broker}) {
            if (part != null) {
                part.close();
            }
        }
    }

    @Test
    @Order(1)
    void aPushedPageReachesTheSubscriptionsOnceBySignedWebhookAndByMail() throws MessagingException {
        webhook = subscribeWebhook("/hooks/imagenet", "{\"dataset\": \"ImageNet\"}");
        mail = Curl.subscribe(notify, NOTIFY_KEY, "{\"query\": {\"q\": \"language model\"}, \"email\": \"" + READER + "\", \"mode\": \"instant\"}");

        long accepted = pushOverRest(page);
        long acceptedAt = System.currentTimeMillis();
        await("the gateway serves the sample's 62 papers", () -> SampleDigestScenario.total(services.gateway()) == 62);
        offsets.awaitDrained();
        Set<String> expected = ids(WEBHOOK_FILTER);
        assertFalse(expected.isEmpty(), "some sample papers use ImageNet");
        await("the webhook gets every ImageNet paper", () -> answeredPapers(webhook.id()).containsAll(expected));

        List<Call> calls = receiver.calls(webhook.id());
        calls.forEach(c -> assertTrue(c.signed(), "a correctly signed call: " + c));
        assertEquals(expected, answeredPapers(webhook.id()), "exactly the papers GET /papers?" + WEBHOOK_FILTER + " returns");
        assertEquals(expected.size(), calls.stream().mapToInt(c -> c.paperIds().size()).sum(), "each paper once");
        long firstMillis = (calls.get(0).receivedAt() - accepted) / 1_000_000;
        long allMillis = (calls.get(calls.size() - 1).receivedAt() - accepted) / 1_000_000;
        TopicTimes topics = new TopicTimes(broker.bootstrapServers());
        System.out.printf("NotifyPipelineIT: first push accepted (202) -> first record on papers.parsed %d ms, papers.enriched %d ms,"
                + " papers.merged %d ms, first signed webhook %d ms; all %d papers in %d call(s) %d ms%n",
                topics.first(Topics.PAPERS_PARSED) - acceptedAt, topics.first(Topics.PAPERS_ENRICHED) - acceptedAt,
                topics.first(Topics.PAPERS_MERGED) - acceptedAt, firstMillis, expected.size(), calls.size(), allMillis);

        Set<String> titles = titles(MAIL_FILTER);
        assertFalse(titles.isEmpty(), "some sample papers are about language models");
        await("the e-mails list every language-model paper", () -> mailedTitles().containsAll(titles));
        assertEquals(titles, mailedTitles(), "exactly the titles GET /papers?" + MAIL_FILTER + " returns");
        assertEquals(titles.size(), inbox.messagesTo(READER).stream().mapToLong(m -> paperLines(m).count()).sum(), "each paper mailed once");
        String link = "/subscriptions/" + mail.id() + "/unsubscribe?token=" + URLEncoder.encode(mail.token(), StandardCharsets.UTF_8);
        for (MimeMessage message : inbox.messagesTo(READER)) {
            assertTrue(message.getHeader("List-Unsubscribe", null).endsWith(link + ">"), "the one-click link bears the token");
            assertEquals("List-Unsubscribe=One-Click", message.getHeader("List-Unsubscribe-Post", null));
        }

        // the same page again: ingest publishes nothing, and once every stage has read to the end, nothing was sent
        awaitAllSent(webhook, expected.size());
        awaitAllSent(mail, titles.size());
        Sent before = sent();
        long parsed = offsets.endOffsets(Topics.PAPERS_PARSED);
        pushOverRest(page);
        assertEquals(parsed, offsets.endOffsets(Topics.PAPERS_PARSED), "a page already ingested publishes no paper");
        offsets.awaitDrained();
        offsets.awaitConsumed("notify-service", Topics.PAPERS_MERGED);
        assertEquals(before, sent(), "pushing the same page again sends nothing");
    }

    @Test
    @Order(2)
    void killedInTheMiddleOfADeliveryNotifyServiceStillDeliversEveryPaperAndNoAnsweredKeyComesAgain() throws InterruptedException {
        Curl.Created slow = subscribeWebhook("/hooks/slow", "{\"q\": \"benchmark\"}");
        WebhookReceiver.Hold hold = receiver.holdNext(slow.id());
        Sent before = sent();

        // the same papers listed the next day: every paper changes (a second digest date) and is matched again
        long accepted = pushOverRest(new String(page, StandardCharsets.UTF_8).replaceFirst("(?m)^Mar 11$", "Mar 12").getBytes(StandardCharsets.UTF_8));
        hold.awaitArrival(DEADLINE);
        System.out.printf("NotifyPipelineIT: second page (warm services) accepted (202) -> first signed webhook %d ms%n",
                (receiver.calls(slow.id()).get(0).receivedAt() - accepted) / 1_000_000);
        services.kill(PipelineProcesses.NOTIFY);
        hold.release();
        services.restart(PipelineProcesses.NOTIFY);

        offsets.awaitDrained();
        Set<String> expected = ids(KILLED_FILTER);
        assertFalse(expected.isEmpty(), "some sample papers mention a benchmark");
        await("every benchmark paper is delivered after the restart", () -> answeredPapers(slow.id()).containsAll(expected));
        offsets.awaitConsumed("notify-service", Topics.PAPERS_MERGED);
        awaitAllSent(slow, expected.size());

        List<Call> calls = receiver.calls(slow.id());
        calls.forEach(c -> assertTrue(c.signed(), "a correctly signed call: " + c));
        assertEquals(expected, answeredPapers(slow.id()), "exactly the papers GET /papers?" + KILLED_FILTER + " returns");
        assertEquals(List.of(), receiver.answeredAgain(), "no key answered 2xx is sent again");
        List<Call> answered = calls.stream().filter(c -> c.outcome() == Outcome.ANSWERED).toList();
        assertEquals(expected.size(), answered.stream().mapToInt(c -> c.paperIds().size()).sum(), "each paper answered once: " + calls);
        // at least once: the papers of the call lost with the process are sent again; as the same message, with its key
        Call lost = calls.stream().filter(c -> c.outcome() == Outcome.UNANSWERED).findFirst().orElseThrow();
        assertTrue(answeredPapers(slow.id()).containsAll(lost.paperIds()), "the lost call's papers are delivered: " + calls);
        answered.stream().filter(c -> c.paperIds().equals(lost.paperIds()))
                .forEach(again -> assertEquals(lost.key(), again.key(), "the same papers again carry the same key"));
        assertEquals(before, sent(), "the older subscriptions get nothing for papers they were sent already");
    }

    private Curl.Created subscribeWebhook(String path, String query) {
        Curl.Created created = Curl.subscribe(notify, NOTIFY_KEY,
                "{\"query\": " + query + ", \"webhook\": \"" + receiver.url(path) + "\", \"mode\": \"instant\"}");
        receiver.trust(created.id(), created.secret());
        return created;
    }

    /** What the first two subscriptions were sent: webhook calls, e-mails and their deliveries as the API lists them. */
    private record Sent(int calls, int mails, JsonNode webhookDeliveries, JsonNode mailDeliveries) {
    }

    private Sent sent() {
        return new Sent(receiver.calls(webhook.id()).size(), inbox.total(), deliveries(webhook), deliveries(mail));
    }

    private JsonNode deliveries(Curl.Created subscription) {
        return Curl.get(notify + "/subscriptions/" + subscription.id() + "/deliveries", subscription.token());
    }

    private void awaitAllSent(Curl.Created subscription, int count) {
        await("the " + count + " deliveries of " + subscription.id() + " are recorded as sent", () -> {
            JsonNode list = deliveries(subscription);
            int sent = 0;
            for (JsonNode d : list) {
                sent += "sent".equals(d.path("status").asText()) ? 1 : 0;
            }
            return list.size() == count && sent == count;
        });
    }

    private Set<String> answeredPapers(String subscription) {
        return receiver.calls(subscription).stream().filter(c -> c.outcome() == Outcome.ANSWERED).flatMap(c -> c.paperIds().stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The titles the e-mails to the reader list, one "* title" line each. */
    private Set<String> mailedTitles() {
        Set<String> titles = new TreeSet<>();
        inbox.messagesTo(READER).forEach(message -> paperLines(message).forEach(l -> titles.add(l.substring(2).strip())));
        return titles;
    }

    private static Stream<String> paperLines(MimeMessage message) {
        return MailInbox.text(message).lines().filter(l -> l.startsWith("* "));
    }

    private Set<String> ids(String filter) {
        return papers(filter, "id");
    }

    private Set<String> titles(String filter) {
        return papers(filter, "title");
    }

    private Set<String> papers(String filter, String field) {
        JsonNode answer = read(PipelineProcesses.get(services.gateway() + "/papers?size=100&" + filter));
        Set<String> values = new TreeSet<>();
        answer.get("items").forEach(item -> values.add(item.get(field).asText()));
        assertEquals(answer.get("total").asInt(), values.size(), "one page holds every paper of " + filter);
        return values;
    }

    /** POSTs a page to ingest-service; System.nanoTime() when it answered 202. */
    private long pushOverRest(byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(services.ingest() + "/digests?source=notify-e2e"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + services.ingestKey())
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> response = PipelineProcesses.send(request);
        long accepted = System.nanoTime();
        assertEquals(202, response.statusCode(), response.body());
        return accepted;
    }

    private static void await(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + DEADLINE);
            }
            PipelineProcesses.sleep(100);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
