package io.paperpulse.query.api;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.paperpulse.contracts.EntityType;
import io.paperpulse.query.digest.DigestDays;
import io.paperpulse.query.facet.EntityFacets;
import io.paperpulse.query.store.PaperDocument;
import io.smallrye.mutiny.Uni;

@Path("/stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    @Inject
    DigestDays days;

    @Inject
    EntityFacets facets;

    @GET
    @Operation(summary = "Counts of papers, digest days and entities per type, and the digest date range")
    public Uni<StatsView> stats() {
        return Uni.combine().all().unis(PaperDocument.count(), days.count(), facets.list(null, null), days.first(), days.last())
                .with((papers, digests, all, first, last) -> {
                    Map<String, Long> perType = new LinkedHashMap<>();
                    Arrays.stream(EntityType.values()).forEach(t -> perType.put(t.name(), 0L));
                    all.forEach(f -> perType.merge(f.type(), 1L, Long::sum));
                    return new StatsView(papers, digests, perType, first.map(LocalDate::toString).orElse(null),
                            last.map(LocalDate::toString).orElse(null));
                });
    }
}
