package io.paperpulse.notify.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;

/**
 * The unsubscribe link of every e-mail, bearing the subscription's token: a GET (what a click, or a mail scanner
 * following links, does) only shows a button; the POST (the button, or a mail client's one-click unsubscribe per
 * RFC 8058) deletes the subscription.
 */
@Path("/subscriptions/{id}/unsubscribe")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "subscriptions")
public class UnsubscribeResource {

    @Inject
    SubscriptionResource subscriptions;

    @Inject
    @Location("unsubscribe.html")
    Template page;

    @GET
    @Operation(summary = "The unsubscribe page of an e-mail's link")
    public Uni<String> confirm(@PathParam("id") String id, @QueryParam("token") String token) {
        return subscriptions.ownedByToken(id, token).map(s -> page.data("done", false).data("id", id).data("token", token).render());
    }

    @POST
    @Operation(summary = "Unsubscribe with the token of an e-mail's link (one-click, RFC 8058)")
    public Uni<String> unsubscribe(@PathParam("id") String id, @QueryParam("token") String token) {
        return subscriptions.ownedByToken(id, token).flatMap(s -> subscriptions.remove(s.id))
                .map(done -> page.data("done", true).data("id", id).data("token", token).render());
    }
}
