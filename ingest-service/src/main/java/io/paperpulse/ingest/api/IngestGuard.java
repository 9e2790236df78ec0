package io.paperpulse.ingest.api;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.paperpulse.ingest.intake.IngestConfig;
import io.paperpulse.ingest.parse.RejectedPageException;

/**
 * Checks made on the headers alone, before the body is read: the ingest key of a write, then a declared body length
 * over the limit. A body sent without a length is measured once read.
 */
public class IngestGuard {
    private static final String BEARER = "bearer ";

    @Inject
    IngestConfig config;

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Optional<Response> requireKey(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || !method.isAnnotationPresent(RequiresIngestKey.class)) {
            return Optional.empty();
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.of(unauthorized("missing Authorization: Bearer <key> header (the key is PAPERPULSE_INGEST_KEY)"));
        }
        byte[] given = authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, config.key().getBytes(StandardCharsets.UTF_8))) { // constant time
            return Optional.of(unauthorized("wrong ingest key"));
        }
        return Optional.empty();
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION + 1)
    public Optional<Response> limitDeclaredLength(ContainerRequestContext request) {
        if (request.getLength() > config.maxBodyBytes()) {
            return Optional.of(Problems.refused(RejectedPageException.tooLarge(request.getLength(), config.maxBodyBytes()), null));
        }
        return Optional.empty();
    }

    private static Response unauthorized(String detail) {
        return Response.fromResponse(Problems.of(401, "Unauthorized", detail))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"paperpulse-ingest\"")
                .build();
    }
}
