package io.paperpulse.query.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.paperpulse.contracts.EntityType;
import io.paperpulse.query.facet.TrendReport;
import io.paperpulse.query.facet.Trending;
import io.paperpulse.search.Params;

@Path("/trending")
@Produces(MediaType.APPLICATION_JSON)
public class TrendingResource {

    @Inject
    Trending trending;

    @GET
    @Operation(summary = "Entities whose paper count rose most",
            description = "Compares the last 'days' days of digests (ending on the latest digest) with the 'days' before; "
                    + "lists entities named by more papers than before, biggest rise first, with both counts.")
    public TrendReport trending(
            @Parameter(description = "model, dataset, task, org, framework or method; all types when absent.")
            @QueryParam("type") String type,
            @Parameter(description = "Window length in days, 1 to 365.") @QueryParam("days") @DefaultValue("7") String days,
            @Parameter(description = "Most entities listed, 1 to 100.") @QueryParam("limit") @DefaultValue("20") String limit) {
        EntityType t = Params.entityType("type", type);
        int d = Params.intIn("days", days, 1, 365);
        int l = Params.intIn("limit", limit, 1, 100);
        return trending.report(t == null ? null : t.name(), d, l);
    }
}
