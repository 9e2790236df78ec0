package io.paperpulse.notify.api;

import jakarta.ws.rs.WebApplicationException;
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

    /** 401 (keeping its WWW-Authenticate challenge), 404 and the other statuses JAX-RS raises, as problems. */
    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Response r = e.getResponse();
        return Response.fromResponse(r).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(r.getStatus(), r.getStatusInfo().getReasonPhrase(), e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("request failed", e);
        return problem(Problem.of(500, "Internal error", "the request could not be answered; see the service log"));
    }

    private static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
