package io.paperpulse.query.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.paperpulse.query.config.QueryConfig;
import io.paperpulse.query.search.PaperSort;
import io.paperpulse.query.store.PaperStore;
import io.paperpulse.query.stream.PaperChanges;
import io.paperpulse.search.PaperFilter;
import io.paperpulse.search.Params;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.BackPressureFailure;

@Path("/papers")
@Produces(MediaType.APPLICATION_JSON)
public class PaperResource {

    @Inject
    PaperStore store;

    @Inject
    PaperPages pages;

    @Inject
    PaperChanges changes;

    @Inject
    QueryConfig config;

    @GET
    @Operation(summary = "Search and filter papers",
            description = "Filters combine (every one must hold). Without q or with sort=date, newest digest first.")
    public PageView<PaperView> list(
            @BeanParam PaperFilterParams filter,
            @Parameter(description = "relevance (default: title matches, then entity, then abstract matches, then newest), "
                    + "date (newest digest first) or title") @QueryParam("sort") @DefaultValue("relevance") String sort,
            @Parameter(description = "Page number, from 0.") @QueryParam("page") @DefaultValue("0") String page,
            @Parameter(description = "Page size, 1 to 100.") @QueryParam("size") @DefaultValue("20") String size) {
        PaperFilter f = filter.toFilter();
        PaperSort order = Params.choice("sort", sort, PaperSort.class);
        int p = Params.page(page);
        int s = Params.size(size);
        return pages.list(f, order, p, s);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One paper with its entities, metrics, links, digests and statistics")
    public Uni<PaperView> get(@Parameter(description = "The paper id.") @PathParam("id") String id) {
        return store.find(id).map(doc -> {
            if (doc == null) {
                throw new NotFoundException("no paper with id " + id);
            }
            return PaperView.of(doc.toMerged());
        });
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live stream of papers as they are stored or changed",
            description = "Server-sent events from the moment of connecting: one 'paper' event (id: the paper id, data: "
                    + "the paper as GET /papers/{id} returns it) per new revision of a paper that passes the filters, "
                    + "the filters meaning exactly what they mean for GET /papers. Comment lines mark the subscription "
                    + "('connected') and keep the connection alive. A client that falls behind is disconnected; a "
                    + "replica serving its maximum of streams answers 503.")
    public Multi<OutboundSseEvent> stream(@BeanParam PaperFilterParams filter, @Context Sse sse) {
        PaperFilter f = filter.toFilter();
        Multi<OutboundSseEvent> papers = changes.subscribe(f)
                .orElseThrow(() -> new WebApplicationException("this replica serves as many live streams as it may; try again later", 503))
                .map(paper -> sse.newEventBuilder().name("paper").id(paper.id()).mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(PaperView.class, PaperView.of(paper)).build());
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(config.stream().heartbeat())
                .onOverflow().drop().map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        // papers first: 'connected' follows the subscription to the changes; a client too far behind gets its stream
        // ended, a clean end of the response that tells it to reconnect
        return Multi.createBy().merging().streams(papers, Multi.createFrom().item(sse.newEventBuilder().comment("connected").build()),
                heartbeats).onFailure(BackPressureFailure.class).recoverWithCompletion();
    }
}
