package io.paperpulse.notify.api;

import java.time.Instant;
import java.util.Date;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.paperpulse.notify.api.SubscriptionRequest.QueryBody;
import io.paperpulse.notify.subscription.SubscriptionDocument;
import io.paperpulse.notify.subscription.SubscriptionDocument.QueryDocument;

/**
 * A subscription as {@code GET /subscriptions/{id}} shows it; never its token or secret.
 *
 * @param status active, failing (a delivery was given up) or paused (after repeated failures, or by request)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionView(String id, QueryBody query, String webhook, String email, String mode, Integer hour, Integer trending,
        String status, boolean failing, boolean paused, int consecutiveFailures, String lastError, Instant createdAt,
        Instant updatedAt, Instant lastDeliveredAt) {

    static SubscriptionView of(SubscriptionDocument s) {
        QueryDocument q = s.query;
        String status = s.paused ? "paused" : s.failing ? "failing" : "active";
        return new SubscriptionView(s.id, new QueryBody(q.q, q.model, q.dataset, q.task, q.org, q.framework, q.entity, q.hasCode, q.from, q.to),
                s.webhook, s.email, s.mode, s.hour, s.trending, status, s.failing, s.paused, s.consecutiveFailures, s.lastError,
                instant(s.createdAt), instant(s.updatedAt), instant(s.lastDeliveredAt));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
