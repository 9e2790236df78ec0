package io.paperpulse.ingest.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.Readiness;

import io.paperpulse.resilience.OutageReadiness;

/**
 * Down while a page from Kafka waits to be tried again because MongoDB or Kafka failed it: an instance that cannot
 * store pages should get no REST pushes either.
 */
@Readiness
@ApplicationScoped
public class StoreReadiness extends OutageReadiness {
    static final String NAME = "ingest-store";

    public StoreReadiness() {
        super(NAME);
    }
}
