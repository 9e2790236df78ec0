package io.paperpulse.notify.api;

import java.time.Instant;
import java.util.Date;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.paperpulse.notify.delivery.DeliveryDocument;

/**
 * One delivery of a subscription: a paper owed to it and how sending it fares.
 *
 * @param status pending, sent, failed (given up) or paused (held while the subscription is)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryView(String id, String paperId, String title, String status, int attempts, Instant createdAt, Instant dueAt,
        Instant nextAttemptAt, Instant sentAt, String lastError) {

    static DeliveryView of(DeliveryDocument d) {
        boolean pending = DeliveryDocument.PENDING.equals(d.status);
        return new DeliveryView(d.id, d.paperId, d.paper == null ? null : d.paper.title, d.status, d.attempts, instant(d.createdAt),
                instant(d.dueAt), pending ? instant(d.nextAttemptAt) : null, instant(d.sentAt), d.lastError);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
