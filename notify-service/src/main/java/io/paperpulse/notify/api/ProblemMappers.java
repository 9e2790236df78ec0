package io.paperpulse.notify.api;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.paperpulse.contracts.Problem;
import io.paperpulse.search.BadParameterException;

/** Every error of the subscription API as RFC 9457 problem JSON. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** No or a wrong bearer token. */
    public static class Unauthorized extends RuntimeException {
        public Unauthorized(String message) {
            super(message);
        }
    }

    @ServerExceptionMapper
    public Response badParameter(BadParameterException e) {
        return problem(Problem.of(400, "Bad request", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e) {
        return problem(Problem.of(400, "Bad request", "the body is not a subscription: " + e.getOriginalMessage()));
    }

    /** Named on its own: Quarkus maps this subtype itself (without problem JSON) unless a mapper names it exactly. */
    @ServerExceptionMapper
    public Response badField(MismatchedInputException e) {
        return badJson(e);
    }

    @ServerExceptionMapper
    public Response unauthorized(Unauthorized e) {
        return Response.fromResponse(problem(Problem.of(401, "Unauthorized", e.getMessage()))).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return problem(Problem.of(404, "Not found", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return problem(Problem.of(status, e.getResponse().getStatusInfo().getReasonPhrase(), e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("request failed", e);
        return problem(Problem.of(500, "Internal error", "the request could not be answered; see the service log"));
    }

    static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
