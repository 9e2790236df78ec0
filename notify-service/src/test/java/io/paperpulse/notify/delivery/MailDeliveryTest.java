package io.paperpulse.notify.delivery;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;

import io.paperpulse.contracts.MergedPaper;
import io.paperpulse.notify.GreenMailResource;
import io.paperpulse.notify.MovableClock;
import io.paperpulse.notify.Notify;
import io.paperpulse.notify.Notify.Created;
import io.paperpulse.testing.KafkaBrokerResource;
import io.paperpulse.testing.MongoStoreResource;
import io.paperpulse.testing.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** E-mail subscriptions, through a real SMTP server: the message, its one-click unsubscribe, and the daily digest at its hour. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = MongoStoreResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = GreenMailResource.class, restrictToAnnotatedClass = false)
class MailDeliveryTest {

    @Inject
    MovableClock clock;

    static List<MimeMessage> messagesTo(String address) throws MessagingException {
        GreenMail mail = GreenMailResource.mail();
        List<MimeMessage> to = new ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(address)) {
                to.add(m);
            }
        }
        return to;
    }

    static List<MimeMessage> awaitMessages(String address, int count) {
        return await().atMost(Notify.WAIT).until(() -> messagesTo(address), list -> list.size() >= count);
    }

    /** The text and the HTML part of a message. */
    static Map<String, String> parts(MimeMessage message) throws MessagingException, IOException {
        Map<String, String> parts = new HashMap<>();
        collect(message.getContent(), parts);
        return parts;
    }

    private static void collect(Object content, Map<String, String> parts) throws MessagingException, IOException {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.getContent() instanceof Multipart) {
                    collect(part.getContent(), parts);
                } else {
                    parts.put(part.isMimeType("text/html") ? "html" : "text", part.getContent().toString());
                }
            }
        }
    }

    @Test
    void anInstantSubscriptionGetsAnEmailItCanLeaveWithOneClick() throws Exception {
        String ns = Notify.namespace();
        String address = ns + "@example.org";
        Created s = Notify.create(Map.of("query", Map.of("model", ns + "BERT"), "email", address, "mode", "instant"));
        MergedPaper paper = Notify.paper(ns + "-1", 1, "Sparse " + ns + " attention", "We make attention sparse. It is fast.", ns + "BERT");
        Notify.publish(paper);

        MimeMessage message = awaitMessages(address, 1).get(0);
        String unsubscribe = message.getHeader("List-Unsubscribe")[0];
        assertTrue(unsubscribe.startsWith("<http://127.0.0.1:8083/subscriptions/" + s.id() + "/unsubscribe?token="), unsubscribe);
        assertTrue(unsubscribe.contains(s.token()), unsubscribe);
        assertEquals("List-Unsubscribe=One-Click", message.getHeader("List-Unsubscribe-Post")[0]);
        Map<String, String> parts = parts(message);
        for (String part : List.of("text", "html")) {
            String body = parts.get(part);
            assertTrue(body.contains(paper.title()), part + ": " + body);
            assertTrue(body.contains("We make attention sparse."), part + ": " + body);
            assertTrue(body.contains(ns + "BERT (model)"), part + ": " + body);
            assertTrue(body.contains("https://arxiv.org/abs/" + paper.arxivId()), part + ": " + body);
            assertTrue(body.contains("/subscriptions/" + s.id() + "/unsubscribe?token=" + s.token()), part + ": " + body);
        }

        // what a mail client's one-click unsubscribe sends (RFC 8058)
        URI link = URI.create(unsubscribe.substring(1, unsubscribe.length() - 1));
        given().contentType("application/x-www-form-urlencoded").body("List-Unsubscribe=One-Click")
                .when().post(link.getRawPath() + "?" + link.getRawQuery()).then().statusCode(200);
        given().header("Authorization", "Bearer " + s.token()).when().get("/subscriptions/" + s.id()).then().statusCode(404);
    }

    @Test
    void theUnsubscribeLinkOnlyAsksWhenFollowed() {
        String ns = Notify.namespace();
        Created s = Notify.create(Map.of("query", Map.of("model", ns), "email", ns + "@example.org", "mode", "instant"));
        given().queryParam("token", s.token()).when().get("/subscriptions/" + s.id() + "/unsubscribe").then().statusCode(200);
        given().queryParam("token", "wrong").when().post("/subscriptions/" + s.id() + "/unsubscribe").then().statusCode(401);
        given().header("Authorization", "Bearer " + s.token()).when().get("/subscriptions/" + s.id()).then().statusCode(200);
    }

    @Test
    void aDailySubscriptionGetsTheDaysPapersInOneMessageAtItsHourWithTheTrendingEntities() throws Exception {
        String ns = Notify.namespace();
        String address = ns + "@example.org";
        int hour = (clock.instant().atZone(ZoneOffset.UTC).getHour() + 2) % 24;
        Created s = Notify.create(Map.of("query", Map.of("q", ns), "email", address, "mode", "daily", "hour", hour, "trending", 3));
        Notify.publish(Notify.paper(ns + "-1", 1, "First " + ns + " paper", "One.", ns + "Net"));
        RecordMetadata last = Notify.publish(Notify.paper(ns + "-2", 1, "Second " + ns + " paper", "Two.", ns + "Net"));
        TestKafka.shared().awaitCommitted(Notify.GROUP, last, Notify.WAIT);
        given().header("Authorization", "Bearer " + s.token()).when().get("/subscriptions/" + s.id() + "/deliveries").then()
                .body("size()", equalTo(2)).body("status", equalTo(List.of("pending", "pending")));
        assertEquals(0, messagesTo(address).size());

        clock.advance(Duration.ofHours(2));
        MimeMessage digest = awaitMessages(address, 1).get(0);
        String text = parts(digest).get("text");
        assertTrue(text.contains("First " + ns + " paper") && text.contains("Second " + ns + " paper"), text);
        assertTrue(text.contains("Trending today") && text.contains(ns + "Net (model): 2 papers"), text);
        await().atMost(Notify.WAIT).untilAsserted(() -> given().header("Authorization", "Bearer " + s.token())
                .when().get("/subscriptions/" + s.id() + "/deliveries").then().body("status", equalTo(List.of("sent", "sent"))));
        assertEquals(1, messagesTo(address).size());
    }
}
