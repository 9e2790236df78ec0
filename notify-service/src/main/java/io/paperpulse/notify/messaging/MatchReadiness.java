package io.paperpulse.notify.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.Readiness;

import io.paperpulse.resilience.OutageReadiness;

/** Down while a poll of merged papers waits for its deliveries to be stored because MongoDB failed it. */
@Readiness
@ApplicationScoped
public class MatchReadiness extends OutageReadiness {

    public MatchReadiness() {
        super("subscription matching");
    }
}
