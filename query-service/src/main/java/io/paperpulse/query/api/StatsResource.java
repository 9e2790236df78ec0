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
import io.paperpulse.query.index.PaperIndex;

@Path("/stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    @Inject
    PaperIndex index;

    @Inject
    DigestDays days;

    @Inject
    EntityFacets facets;

    @GET
    @Operation(summary = "Counts of papers, digest days and entities per type, and the digest date range")
    public StatsView stats() {
        Map<String, Long> perType = new LinkedHashMap<>();
        Arrays.stream(EntityType.values()).forEach(t -> perType.put(t.name(), 0L));
        facets.countsByType().forEach(perType::put);
        return new StatsView(index.read(s -> (long) s.getIndexReader().numDocs()), days.newestFirst().size(), perType,
                days.first().map(LocalDate::toString).orElse(null), days.last().map(LocalDate::toString).orElse(null));
    }
}
