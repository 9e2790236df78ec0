package io.paperpulse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * A rollout cuts nothing: each service's pod sleeps in preStop while it leaves the endpoints, then Quarkus gets
 * its quarkus.shutdown.timeout for the work in flight, and the grace period covers both plus a margin.
 */
class RolloutTest {

    /** Between the end of Quarkus's shutdown timeout and the kubelet's SIGKILL: the JVM's own exit. */
    static final long MARGIN_SECONDS = 5;
    private static final Pattern QUARKUS_DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)?");
    private static final Map<String, Duration> UNITS = Map.of("ms", Duration.ofMillis(1), "s", Duration.ofSeconds(1),
            "m", Duration.ofMinutes(1), "h", Duration.ofHours(1), "d", Duration.ofDays(1));

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "enrich-service", "query-service", "notify-service"})
    void theGracePeriodIsPreStopPlusTheShutdownTimeoutPlusAMargin(String service) {
        String timeout = ServiceConfig.load(service).properties.get("quarkus.shutdown.timeout");
        assertNotNull(timeout, service + ": no quarkus.shutdown.timeout, so SIGTERM cuts the work in flight");
        long shutdownSeconds = ceilSeconds(quarkusDuration(ServiceConfig.resolve(timeout)));
        assertTrue(shutdownSeconds > 0, service + ": quarkus.shutdown.timeout " + timeout);
        for (String overlay : Kustomize.OVERLAYS) {
            Deployment deployment = Kustomize.overlay(overlay).get(Deployment.class, service);
            Container container = WorkloadTest.single(deployment);
            var preStop = container.getLifecycle() == null ? null : container.getLifecycle().getPreStop();
            assertTrue(preStop != null && preStop.getSleep() != null && preStop.getSleep().getSeconds() != null,
                    overlay + ": " + service + " needs a preStop sleep, so that endpoints drop the pod before SIGTERM");
            long sleep = preStop.getSleep().getSeconds();
            assertTrue(sleep > 0, overlay + ": " + service + " preStop sleep " + sleep);
            Long grace = deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
            assertEquals(sleep + shutdownSeconds + MARGIN_SECONDS, grace == null ? 30 : grace,
                    overlay + ": " + service + " terminationGracePeriodSeconds = preStop " + sleep + " s + quarkus.shutdown.timeout "
                            + shutdownSeconds + " s + margin " + MARGIN_SECONDS + " s");
            var strategy = deployment.getSpec().getStrategy();
            assertEquals(0, strategy.getRollingUpdate().getMaxUnavailable().getIntVal(),
                    overlay + ": " + service + " rolls without taking a serving pod away first");
        }
    }

    /** A duration as Quarkus reads it: ISO-8601 (PT30S), or a number with an optional unit (seconds by default). */
    static Duration quarkusDuration(String value) {
        String text = value.trim();
        if (text.toUpperCase().startsWith("P")) {
            return Duration.parse(text);
        }
        Matcher m = QUARKUS_DURATION.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration: " + value);
        }
        return UNITS.get(m.group(2) == null ? "s" : m.group(2)).multipliedBy(Long.parseLong(m.group(1)));
    }

    static long ceilSeconds(Duration duration) {
        return duration.plusNanos(999_999_999).getSeconds();
    }

    @Test
    void durationsAreReadAsQuarkusReadsThem() {
        assertEquals(Duration.ofSeconds(30), quarkusDuration("30s"));
        assertEquals(Duration.ofSeconds(30), quarkusDuration("30"));
        assertEquals(Duration.ofSeconds(90), quarkusDuration("PT1M30S"));
        assertEquals(Duration.ofMinutes(2), quarkusDuration("2m"));
        assertEquals(2, ceilSeconds(quarkusDuration("1500ms")));
        assertThrows(IllegalArgumentException.class, () -> quarkusDuration("30 seconds"));
    }
}
