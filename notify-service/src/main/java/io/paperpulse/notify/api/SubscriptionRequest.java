package io.paperpulse.notify.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /subscriptions} and of {@code PATCH /subscriptions/{id}}, where every field left out stays
 * as it was. Unknown fields are refused, so that a misspelt filter cannot silently widen a subscription.
 */
public record SubscriptionRequest(
        @Schema(description = "The saved search: the filters of GET /papers, at least one.") QueryBody query,
        @Schema(description = "An https URL that receives each message as a signed POST; or give email.") String webhook,
        @Schema(description = "An e-mail address that receives each message; or give webhook.") String email,
        @Schema(description = "instant: a message as soon as matching papers arrive; daily: one message a day.", enumeration = {"instant", "daily"}) String mode,
        @Schema(description = "For mode daily: the hour of the day (UTC, 0-23) its message goes out.") Integer hour,
        @Schema(description = "For mode daily: list the day's top N trending entities (1-50) in the message.") Integer trending,
        @Schema(description = "PATCH only: false resumes a paused subscription; true pauses it.") Boolean paused) {

    /** The filters of {@code GET /papers}, with the same meaning. */
    public record QueryBody(String q, String model, String dataset, String task, String org, String framework, String entity,
            Boolean hasCode, String from, String to) {
    }
}
