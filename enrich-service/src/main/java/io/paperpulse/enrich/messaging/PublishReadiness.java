package io.paperpulse.enrich.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.Readiness;

import io.paperpulse.resilience.OutageReadiness;

/** Down while an enriched paper waits to be sent again because Kafka failed it (broker unreachable, too few replicas). */
@Readiness
@ApplicationScoped
public class PublishReadiness extends OutageReadiness {
    static final String NAME = "enrich-publish";

    public PublishReadiness() {
        super(NAME);
    }
}
