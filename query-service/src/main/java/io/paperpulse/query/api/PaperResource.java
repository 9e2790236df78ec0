package io.paperpulse.query.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.paperpulse.query.store.PaperStore;
import io.smallrye.mutiny.Uni;

@Path("/papers")
@Produces(MediaType.APPLICATION_JSON)
public class PaperResource {

    @Inject
    PaperStore store;

    @GET
    @Operation(summary = "List papers, newest digest first")
    public Uni<PageView<PaperView>> list(
            @Parameter(description = "page number, from 0") @QueryParam("page") @DefaultValue("0") String page,
            @Parameter(description = "page size, 1 to 100") @QueryParam("size") @DefaultValue("20") String size) {
        int p = Params.intIn("page", page, 0, Integer.MAX_VALUE);
        int s = Params.intIn("size", size, 1, 100);
        return Uni.combine().all().unis(store.page(p, s), store.count())
                .with((docs, total) -> new PageView<>(docs.stream().map(PaperView::of).toList(), total, p, s));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One paper with its entities, metrics, links and statistics")
    public Uni<PaperView> get(@PathParam("id") String id) {
        return store.find(id).map(doc -> {
            if (doc == null) {
                throw new NotFoundException("no paper with id " + id);
            }
            return PaperView.of(doc);
        });
    }
}
