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

import io.paperpulse.contracts.EntityType;
import io.paperpulse.query.facet.EntityFacet;
import io.paperpulse.query.facet.EntityFacets;
import io.paperpulse.query.search.PaperSort;
import io.paperpulse.search.PaperFilter;
import io.paperpulse.search.Params;

@Path("/entities")
@Produces(MediaType.APPLICATION_JSON)
public class EntityResource {

    @Inject
    EntityFacets facets;

    @Inject
    PaperPages pages;

    @GET
    @Operation(summary = "Entity names with paper counts",
            description = "Case variants are grouped under their most common form; most papers first.")
    public PageView<EntityFacet> list(
            @Parameter(description = "model, dataset, task, org, framework or method; all types when absent.")
            @QueryParam("type") String type,
            @Parameter(description = "Only names containing this text, ignoring case and accents.") @QueryParam("q") String q,
            @Parameter(description = "Page number, from 0.") @QueryParam("page") @DefaultValue("0") String page,
            @Parameter(description = "Page size, 1 to 100.") @QueryParam("size") @DefaultValue("20") String size) {
        EntityType t = Params.entityType("type", type);
        String query = Params.text("q", q);
        int p = Params.page(page);
        int s = Params.size(size);
        return PageView.slice(facets.list(t == null ? null : t.name(), query), p, s);
    }

    @GET
    @Path("/{type}/{name}/papers")
    @Operation(summary = "Papers naming one entity", description = "The name matches any case variant. 404 when no paper names it.")
    public PageView<PaperView> papers(
            @Parameter(description = "model, dataset, task, org, framework or method.") @PathParam("type") String type,
            @Parameter(description = "The entity name, any case.") @PathParam("name") String name,
            @Parameter(description = "date (newest digest first, default) or title.") @QueryParam("sort") @DefaultValue("date") String sort,
            @Parameter(description = "Page number, from 0.") @QueryParam("page") @DefaultValue("0") String page,
            @Parameter(description = "Page size, 1 to 100.") @QueryParam("size") @DefaultValue("20") String size) {
        EntityType t = Params.choice("type", type, EntityType.class);
        String n = Params.text("name", name);
        PaperSort order = Params.choice("sort", sort, PaperSort.class);
        int p = Params.page(page);
        int s = Params.size(size);
        if (n == null) {
            throw new NotFoundException("no " + t + " without a name");
        }
        PageView<PaperView> result = pages.list(PaperFilter.entity(t.name(), n), order, p, s);
        if (result.total() == 0) {
            throw new NotFoundException("no paper names the " + t + " '" + n + "'");
        }
        return result;
    }
}
