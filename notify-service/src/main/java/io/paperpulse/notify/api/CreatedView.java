package io.paperpulse.notify.api;

/**
 * The answer to {@code POST /subscriptions}, the only time the token and the secret are shown.
 *
 * @param token manages the subscription: {@code Authorization: Bearer <token>}
 * @param secret the key of its webhooks' {@code PaperPulse-Signature}
 */
public record CreatedView(String id, String token, String secret) {
}
