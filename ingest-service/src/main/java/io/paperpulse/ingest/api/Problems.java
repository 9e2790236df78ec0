package io.paperpulse.ingest.api;

import java.time.Duration;

import jakarta.ws.rs.core.Response;

import io.paperpulse.contracts.Problem;
import io.paperpulse.ingest.intake.PageBusyException;
import io.paperpulse.ingest.parse.RejectedPageException;

/** Problem JSON (RFC 9457) responses of the ingest API. */
final class Problems {
    private Problems() {
    }

    static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    static Response of(int status, String title, String detail) {
        return response(Problem.of(status, title, detail));
    }

    /** A refused page; {@code instance} points at its rejected record when one was kept. */
    static Response refused(RejectedPageException refusal, String instance) {
        return response(new Problem("about:blank", title(refusal.kind()), status(refusal.kind()), refusal.getMessage(), instance));
    }

    /** The page is held by another push still at work; {@code Retry-After} is the lease, by when it is done or gone. */
    static Response busy(PageBusyException busy, String instance, Duration lease) {
        Problem problem = new Problem("about:blank", "Page being ingested", 409,
                busy.getMessage() + "; not all of its papers are published yet: push it again in " + lease.toSeconds() + " s", instance);
        return Response.status(409).type(Problem.MEDIA_TYPE).header("Retry-After", Math.max(1, lease.toSeconds())).entity(problem).build();
    }

    private static int status(RejectedPageException.Kind kind) {
        return switch (kind) {
            case TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case MALFORMED -> 400;
            case NO_PAPERS, PAPER_TOO_LARGE -> 422;
        };
    }

    private static String title(RejectedPageException.Kind kind) {
        return switch (kind) {
            case TOO_LARGE -> "Page too large";
            case UNSUPPORTED_MEDIA_TYPE -> "Unsupported content type";
            case MALFORMED -> "Malformed page or parameter";
            case NO_PAPERS -> "No paper found";
            case PAPER_TOO_LARGE -> "Paper too large";
        };
    }
}
