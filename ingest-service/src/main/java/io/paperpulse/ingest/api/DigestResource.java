package io.paperpulse.ingest.api;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.paperpulse.ingest.intake.DigestIngestor;
import io.paperpulse.ingest.intake.IncomingPage;
import io.paperpulse.ingest.intake.IngestConfig;
import io.paperpulse.ingest.intake.IngestOutcome;
import io.paperpulse.ingest.intake.PageBusyException;
import io.paperpulse.ingest.intake.PageRefusedException;
import io.paperpulse.ingest.store.DigestRecord;
import io.paperpulse.ingest.store.DigestRepository;
import io.smallrye.mutiny.Uni;

/**
 * The ingest API: push a page, read a page's record, replay a page. A page refused for its content (415, 400, 422) is
 * kept as a rejected record with the reason, its raw bytes included, and the problem's {@code instance} points at it;
 * a re-push of the same bytes that succeeds replaces it. Unauthenticated (401) and oversized (413) bodies are not kept.
 * A page another push is still publishing is answered once that push is done, or 409 when it takes longer than a
 * claim's lease.
 */
@Path("/digests")
@Produces(MediaType.APPLICATION_JSON)
public class DigestResource {
    private static final String DEFAULT_SOURCE = "rest";
    private static final int DEFAULT_LIST = 20;
    private static final int MAX_LIST = 100;
    private static final String STATUSES = Arrays.stream(DigestRecord.Status.values())
            .map(s -> s.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));

    @Inject
    DigestIngestor ingestor;

    @Inject
    DigestRepository digests;

    @Inject
    IngestConfig config;

    /** Body {@code text/plain} or {@code text/html}, UTF-8; optional {@code date} (ISO) and {@code source}. */
    @POST
    @RequiresIngestKey
    public Uni<Response> push(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @RestQuery String date,
            @RestQuery String source, byte[] body) {
        IncomingPage page = new IncomingPage(body == null ? new byte[0] : body, contentType, date,
                source == null || source.isBlank() ? DEFAULT_SOURCE : source, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        return ingestor.ingest(page)
                .map(DigestResource::accepted)
                .onFailure(PageRefusedException.class).recoverWithUni(failure -> {
                    PageRefusedException refused = (PageRefusedException) failure;
                    return ingestor.recordRejection(page, refused)
                            .map(keptId -> Problems.refused(refused.reason(), keptId == null ? null : location(keptId).toString()));
                })
                .onFailure(PageBusyException.class).recoverWithItem(failure -> Problems.busy((PageBusyException) failure,
                        location(((PageBusyException) failure).digestId()).toString(), config.claimLease()));
    }

    /** The record; with {@code raw=true}, the page's bytes too. */
    @GET
    @Path("/{id}")
    public Uni<Response> get(@RestPath String id, @RestQuery boolean raw) {
        return (raw ? digests.findById(id) : digests.findWithoutRaw(id))
                .map(record -> record == null ? notFound(id) : Response.ok(DigestView.of(record)).build());
    }

    /** The latest records, newest first, of one status or all; {@code limit} 1 to 100, default 20. */
    @GET
    public Uni<Response> list(@RestQuery String status, @RestQuery String limit) {
        Integer size = limit == null ? Integer.valueOf(DEFAULT_LIST) : parseLimit(limit);
        if (size == null) {
            return Uni.createFrom().item(badParameter("parameter 'limit' must be a whole number from 1 to " + MAX_LIST + ", got '" + limit + "'"));
        }
        DigestRecord.Status wanted;
        try {
            wanted = status == null ? null : DigestRecord.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(badParameter("parameter 'status' must be one of " + STATUSES + ", got '" + status + "'"));
        }
        return digests.latest(wanted, size).map(records -> Response.ok(records.stream().map(DigestView::of).toList()).build());
    }

    /** Reads the recorded page again and publishes its papers again (same ids, same keys). */
    @POST
    @Path("/{id}/replay")
    @RequiresIngestKey
    public Uni<Response> replay(@RestPath String id) {
        return digests.findById(id).flatMap(record -> record == null
                ? Uni.createFrom().item(notFound(id))
                : ingestor.replay(record)
                        .map(DigestResource::accepted)
                        .onFailure(PageRefusedException.class)
                        .recoverWithItem(failure -> Problems.refused(((PageRefusedException) failure).reason(), location(id).toString())));
    }

    /** The limit, or {@code null} when it is not a whole number in range. */
    private static Integer parseLimit(String limit) {
        try {
            int size = Integer.parseInt(limit.strip());
            return size >= 1 && size <= MAX_LIST ? size : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Response accepted(IngestOutcome outcome) {
        return Response.accepted(IngestResponse.of(outcome)).location(location(outcome.digestId())).build();
    }

    private static Response badParameter(String detail) {
        return Problems.of(400, "Bad parameter", detail);
    }

    private static Response notFound(String id) {
        return Problems.of(404, "Digest not found", "no page with digest id " + id);
    }

    private static URI location(String digestId) {
        return URI.create("/digests/" + digestId);
    }
}
