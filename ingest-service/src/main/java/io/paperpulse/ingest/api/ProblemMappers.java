package io.paperpulse.ingest.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every other error of the API as problem JSON too: unknown paths, wrong methods, and what nobody expected. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return Problems.of(status.getStatusCode(), status.getReasonPhrase(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("unexpected failure of an ingest API request", e);
        return Problems.of(500, "Internal Server Error", "the request failed on the server; it can be retried");
    }
}
