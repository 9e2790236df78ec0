package io.paperpulse.notify.delivery;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.paperpulse.notify.config.NotifyConfig;
import io.paperpulse.notify.delivery.DeliveryDocument.PaperSnapshot;
import io.paperpulse.notify.subscription.Credentials;
import io.paperpulse.notify.subscription.SubscriptionDocument;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.net.SocketAddress;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Posts a subscription's papers to its webhook, signed: {@code PaperPulse-Signature: t=<unix seconds>,v1=<hex
 * HMAC-SHA256 of "<t>.<raw body>" with the subscription's secret>}. Non-blocking, with a timeout per call, to the
 * address {@link AddressGuard} checked, and never following a redirect (which could lead anywhere).
 */
@ApplicationScoped
public class WebhookSender {
    public static final String SIGNATURE = "PaperPulse-Signature";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** The field of each paper of a webhook that holds its (subscription, paper) idempotency key. */
    public static final String PAPER_KEY = "idempotencyKey";

    @Inject
    Vertx vertx;

    @Inject
    NotifyConfig config;

    @Inject
    AddressGuard guard;

    @Inject
    Credentials credentials;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    private WebClient client;

    /** The body of a webhook call. */
    public record WebhookBody(String subscription, List<ObjectNode> papers) {
    }

    /** A webhook answered with something else than 2xx, or not in time. */
    public static class WebhookFailure extends RuntimeException {
        public WebhookFailure(String message) {
            super(message);
        }
    }

    @PostConstruct
    void open() {
        client = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false).setForceSni(true)
                .setConnectTimeout((int) config.delivery().timeout().toMillis()).setMaxPoolSize(config.delivery().maxConcurrent())
                .setUserAgent("PaperPulse-Notify/1.0"));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** {@code idempotencyKey} names this message's deliveries: the same papers sent again carry the same one. */
    public Uni<Void> send(SubscriptionDocument subscription, List<PaperSnapshot> papers, String idempotencyKey) {
        byte[] body = body(subscription.id, papers);
        URI uri = URI.create(subscription.webhook);
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        long t = clock.instant().getEpochSecond();
        String signature = "t=" + t + ",v1=" + Credentials.hmacHex(credentials.secret(subscription.id, subscription.salt),
                t + "." + new String(body, StandardCharsets.UTF_8));
        return guard.resolve(uri.getHost()).flatMap(address -> client
                .request(HttpMethod.POST, SocketAddress.inetSocketAddress(port, address.getHostAddress()),
                        new RequestOptions().setHost(uri.getHost()).setPort(port).setURI(path).setSsl(https))
                .putHeader("Content-Type", "application/json")
                .putHeader(SIGNATURE, signature)
                .putHeader(IDEMPOTENCY_KEY, idempotencyKey)
                .timeout(config.delivery().timeout().toMillis())
                .sendBuffer(Buffer.buffer(body)))
                .onFailure(f -> !(f instanceof AddressGuard.RefusedAddress)).transform(f -> new WebhookFailure(f.toString()))
                .invoke(response -> {
                    if (response.statusCode() < 200 || response.statusCode() > 299) {
                        throw new WebhookFailure("the webhook answered " + response.statusCode());
                    }
                })
                .replaceWithVoid();
    }

    private byte[] body(String subscriptionId, List<PaperSnapshot> papers) {
        try {
            // each paper carries its own key, subscription and paper: what "notified once" is counted by, however
            // papers are grouped into messages (the header's key names the message)
            List<ObjectNode> items = papers.stream().map(paper -> {
                ObjectNode item = json.valueToTree(paper);
                item.put(PAPER_KEY, DeliveryDocument.key(subscriptionId, paper.id));
                return item;
            }).toList();
            return json.writeValueAsBytes(new WebhookBody(subscriptionId, items));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
