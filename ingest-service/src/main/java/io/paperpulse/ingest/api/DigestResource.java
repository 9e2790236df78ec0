package io.paperpulse.ingest.api;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

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

import io.paperpulse.ingest.messaging.DigestIngestor;
import io.paperpulse.ingest.messaging.IncomingPage;
import io.paperpulse.ingest.messaging.IngestOutcome;
import io.paperpulse.ingest.parse.RejectedPageException;
import io.paperpulse.ingest.store.DigestRecord;
import io.paperpulse.ingest.store.DigestRepository;
import io.smallrye.mutiny.Uni;

/**
 * The ingest API: push a page, read a page's record, replay a page. A page refused for its content (415, 400, 422) is
 * kept as a rejected record with the reason, its raw bytes included, and the problem's {@code instance} points at it;
 * a re-push of the same bytes that succeeds replaces it. Unauthenticated (401) and oversized (413) bodies are not kept.
 */
@Path("/digests")
@Produces(MediaType.APPLICATION_JSON)
public class DigestResource {
    private static final String DEFAULT_SOURCE = "rest";
    private static final int MAX_LIST = 100;

    @Inject
    DigestIngestor ingestor;

    @Inject
    DigestRepository digests;

    /** Body {@code text/plain} or {@code text/html}, UTF-8; optional {@code date} (ISO) and {@code source}. */
    @POST
    @RequiresIngestKey
    public Uni<Response> push(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @RestQuery String date,
            @RestQuery String source, byte[] body) {
        IncomingPage page = new IncomingPage(body == null ? new byte[0] : body, contentType, date,
                source == null || source.isBlank() ? DEFAULT_SOURCE : source, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        return ingestor.ingest(page)
                .map(DigestResource::accepted)
                .onFailure(RejectedPageException.class).recoverWithUni(failure -> {
                    RejectedPageException refusal = (RejectedPageException) failure;
                    return ingestor.recordRejection(page, refusal)
                            .map(keptId -> Problems.refused(refusal, keptId == null ? null : location(keptId).toString()));
                });
    }

    @GET
    @Path("/{id}")
    public Uni<Response> get(@RestPath String id, @RestQuery boolean raw) {
        return digests.findById(id).map(record -> record == null ? notFound(id) : Response.ok(DigestView.of(record, raw)).build());
    }

    /** The latest records, newest first, of one status ({@code accepted} or {@code rejected}) or all. */
    @GET
    public Uni<Response> list(@RestQuery String status, @RestQuery Integer limit) {
        int size = limit == null ? 20 : limit;
        if (size < 1 || size > MAX_LIST) {
            return Uni.createFrom().item(Problems.of(400, "Bad parameter", "parameter 'limit' must be from 1 to " + MAX_LIST + ", got " + size));
        }
        DigestRecord.Status wanted;
        try {
            wanted = status == null ? null : DigestRecord.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(Problems.of(400, "Bad parameter", "parameter 'status' must be accepted or rejected, got '" + status + "'"));
        }
        return digests.latest(wanted, size)
                .map(records -> Response.ok(records.stream().map(r -> DigestView.of(r, false)).toList()).build());
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
                        .onFailure(RejectedPageException.class)
                        .recoverWithItem(failure -> Problems.refused((RejectedPageException) failure, location(id).toString())));
    }

    private static Response accepted(IngestOutcome outcome) {
        return Response.accepted(IngestResponse.of(outcome)).location(location(outcome.digestId())).build();
    }

    private static Response notFound(String id) {
        return Problems.of(404, "Digest not found", "no page with digest id " + id);
    }

    private static URI location(String digestId) {
        return URI.create("/digests/" + digestId);
    }
}
