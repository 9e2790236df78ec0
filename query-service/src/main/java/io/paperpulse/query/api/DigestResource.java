package io.paperpulse.query.api;

import java.time.LocalDate;

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

import io.paperpulse.query.digest.DigestDays;
import io.paperpulse.search.Params;

@Path("/digests")
@Produces(MediaType.APPLICATION_JSON)
public class DigestResource {

    @Inject
    DigestDays days;

    @Inject
    PaperPages pages;

    @GET
    @Operation(summary = "Digest days, newest first", description = "Each with its number of papers and the sources of its pages.")
    public PageView<DigestView> list(
            @Parameter(description = "Page number, from 0.") @QueryParam("page") @DefaultValue("0") String page,
            @Parameter(description = "Page size, 1 to 100.") @QueryParam("size") @DefaultValue("20") String size) {
        int p = Params.page(page);
        int s = Params.size(size);
        return PageView.slice(days.newestFirst().stream().map(DigestView::of).toList(), p, s);
    }

    @GET
    @Path("/{date}")
    @Operation(summary = "The papers of one digest day in page order",
            description = "By source, then position in that source's page. 404 when no digest has that date.")
    public PageView<PaperView> day(
            @Parameter(description = "The digest date, YYYY-MM-DD.") @PathParam("date") String date,
            @Parameter(description = "Page number, from 0.") @QueryParam("page") @DefaultValue("0") String page,
            @Parameter(description = "Page size, 1 to 100.") @QueryParam("size") @DefaultValue("20") String size) {
        LocalDate d = Params.date("date", date);
        int p = Params.page(page);
        int s = Params.size(size);
        if (d == null) {
            throw new NotFoundException("no digest without a date");
        }
        return pages.day(d, p, s).orElseThrow(() -> new NotFoundException("no digest on " + d));
    }
}
