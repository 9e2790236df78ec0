package io.paperpulse.notify.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Date;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.paperpulse.notify.config.NotifyConfig;
import io.paperpulse.notify.delivery.AddressGuard;
import io.paperpulse.notify.delivery.Outbox;
import io.paperpulse.notify.match.Subscriptions;
import io.paperpulse.notify.subscription.Credentials;
import io.paperpulse.notify.subscription.SubscriptionDocument;
import io.paperpulse.notify.subscription.SubscriptionStore;
import io.paperpulse.search.BadParameterException;
import io.smallrye.mutiny.Uni;

/** Subscriptions: saved searches whose new papers are sent by signed webhook or e-mail, at once or daily. */
@Path("/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "subscriptions")
public class SubscriptionResource {
    static final int DELIVERIES_SHOWN = 50;

    @Inject
    SubscriptionStore store;

    @Inject
    Subscriptions matching;

    @Inject
    Outbox outbox;

    @Inject
    Credentials credentials;

    @Inject
    AddressGuard guard;

    @Inject
    NotifyConfig config;

    @Inject
    Clock clock;

    @POST
    @Operation(summary = "Create a subscription", description = "Needs Authorization: Bearer <the service's notify key>. "
            + "Answers the id, the token that manages the subscription and the secret that signs its webhooks: both are shown only here.")
    public Uni<Response> create(@Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, SubscriptionRequest request) {
        if (!isKey(bearer(authorization))) {
            throw new NotAuthorizedException("creating a subscription needs Authorization: Bearer <notify key>", "Bearer");
        }
        if (request != null && request.paused() != null) {
            throw new BadParameterException("paused", "can only be changed by PATCH");
        }
        SubscriptionDocument s = new SubscriptionDocument();
        SubscriptionRules.apply(request, s, config.allowPrivate());
        s.id = Credentials.newId();
        s.salt = Credentials.newSalt();
        String token = credentials.token(s.id, s.salt);
        String secret = credentials.secret(s.id, s.salt);
        s.tokenHash = Credentials.hash(token);
        s.secretHash = Credentials.hash(secret);
        s.createdAt = Date.from(clock.instant());
        s.updatedAt = s.createdAt;
        return publicHost(s.webhook).chain(() -> store.insert(s)).chain(() -> matching.watch(s))
                .map(done -> Response.created(URI.create("/subscriptions/" + s.id)).entity(new CreatedView(s.id, token, secret)).build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a subscription", description = "Needs Authorization: Bearer <its token>.")
    public Uni<SubscriptionView> get(@PathParam("id") String id, @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return owned(id, authorization).map(SubscriptionView::of);
    }

    @PATCH
    @Operation(summary = "Change a subscription", description = "Needs Authorization: Bearer <its token>. Fields left out stay "
            + "as they are; \"paused\": false resumes a subscription paused after repeated failures.")
    @Path("/{id}")
    public Uni<SubscriptionView> patch(@PathParam("id") String id, @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            SubscriptionRequest request) {
        return owned(id, authorization).flatMap(s -> {
            String webhookBefore = s.webhook;
            boolean pausedBefore = s.paused;
            SubscriptionRules.apply(request, s, config.allowPrivate());
            if (request.paused() != null) {
                s.paused = request.paused();
                if (!s.paused) {
                    s.failing = false;
                    s.consecutiveFailures = 0;
                }
            }
            s.updatedAt = Date.from(clock.instant());
            Uni<Void> checked = s.webhook != null && !s.webhook.equals(webhookBefore) ? publicHost(s.webhook) : Uni.createFrom().voidItem();
            return checked.chain(() -> store.replace(s))
                    .chain(() -> s.paused == pausedBefore ? Uni.createFrom().voidItem() : s.paused ? outbox.hold(s.id) : outbox.release(s.id, clock.instant()))
                    .chain(() -> matching.watch(s))
                    .map(done -> SubscriptionView.of(s));
        });
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a subscription and its deliveries", description = "Needs Authorization: Bearer <its token>.")
    public Uni<Response> delete(@PathParam("id") String id, @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return owned(id, authorization).flatMap(s -> remove(s.id)).map(done -> Response.noContent().build());
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "The latest deliveries of a subscription, newest first, with their status", description = "Needs Authorization: Bearer <its token>.")
    public Uni<List<DeliveryView>> deliveries(@PathParam("id") String id, @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return owned(id, authorization).flatMap(s -> outbox.latest(s.id, DELIVERIES_SHOWN)).map(list -> list.stream().map(DeliveryView::of).toList());
    }

    /** Deletes a subscription everywhere: the store, matching, its outbox. */
    Uni<Void> remove(String id) {
        return matching.unwatch(id).chain(() -> store.delete(id)).chain(() -> outbox.removeAll(id));
    }

    /** The subscription {@code id} when the request bears its token (or {@code token} does). */
    Uni<SubscriptionDocument> owned(String id, String authorization) {
        return ownedByToken(id, bearer(authorization));
    }

    Uni<SubscriptionDocument> ownedByToken(String id, String token) {
        return store.find(id).map(s -> {
            if (s == null) {
                throw new NotFoundException("no subscription " + id);
            }
            if (!Credentials.matches(token, s.tokenHash)) {
                throw new NotAuthorizedException("this subscription needs Authorization: Bearer <its token>", "Bearer");
            }
            return s;
        });
    }

    private Uni<Void> publicHost(String webhook) {
        if (webhook == null) {
            return Uni.createFrom().voidItem();
        }
        return guard.resolve(URI.create(webhook).getHost())
                .onFailure(AddressGuard.RefusedAddress.class).transform(e -> new BadParameterException("webhook", "is refused: " + e.getMessage()))
                .replaceWithVoid();
    }

    private boolean isKey(String presented) {
        String key = config.apiKey().orElse("");
        return presented != null && !key.isBlank()
                && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8));
    }

    private static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).strip();
    }
}
