package io.paperpulse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

/** local fits a laptop; production survives the loss of any one node. */
class ScaleTest {

    static final Set<String> AUTOSCALED = Set.of("enrich-service", "query-service");

    @Test
    void localRunsOneOfEverything() {
        Manifests local = Kustomize.overlay("local");
        assertEquals(1, KafkaTest.nodes(local, ProcessRoles.BROKER), "local: brokers");
        assertEquals(1, KafkaTest.nodes(local, ProcessRoles.CONTROLLER), "local: KRaft controllers");
        assertEquals(1, local.get(StatefulSet.class, "mongodb").getSpec().getReplicas(), "local: MongoDB members");
        for (String service : ServiceConfig.SERVICES) {
            assertEquals(1, local.get(Deployment.class, service).getSpec().getReplicas(), "local: replicas of " + service);
        }
        assertEquals(List.of(), local.all(HorizontalPodAutoscaler.class), "local: no autoscaling");
        for (KafkaTopic topic : local.all(KafkaTopic.class)) {
            assertEquals(1, topic.getSpec().getReplicas(), "local: replicas of topic " + topic.getMetadata().getName());
        }
    }

    @Test
    void productionRunsThreeBrokersAndThreeMongodbMembers() {
        Manifests production = Kustomize.overlay("production");
        assertEquals(3, KafkaTest.nodes(production, ProcessRoles.BROKER), "production: brokers");
        assertEquals(3, KafkaTest.nodes(production, ProcessRoles.CONTROLLER), "production: KRaft controllers");
        assertEquals(3, production.get(StatefulSet.class, "mongodb").getSpec().getReplicas(), "production: MongoDB members");
        for (KafkaTopic topic : production.all(KafkaTopic.class)) {
            assertEquals(3, topic.getSpec().getReplicas(), "production: replicas of topic " + topic.getMetadata().getName());
            assertEquals("2", String.valueOf(topic.getSpec().getConfig().get("min.insync.replicas")),
                    "production: min.insync.replicas of topic " + topic.getMetadata().getName());
        }
        Map<String, Object> config = KafkaTest.kafka(production).getSpec().getKafka().getConfig();
        assertEquals(3, KafkaTest.config(config, "offsets.topic.replication.factor", 0), "production: offsets topic replicas");
        assertEquals(3, KafkaTest.config(config, "transaction.state.log.replication.factor", 0), "production: transaction log replicas");
    }

    /** At least two replicas each; an autoscaled Deployment leaves its replica count to the HPA. */
    @Test
    void productionRunsAtLeastTwoReplicasOfEveryServiceAndAutoscalesEnrichAndQuery() {
        Manifests production = Kustomize.overlay("production");
        Map<String, HorizontalPodAutoscaler> hpas = production.all(HorizontalPodAutoscaler.class).stream()
                .collect(Collectors.toMap(h -> h.getSpec().getScaleTargetRef().getName(), h -> h));
        assertEquals(AUTOSCALED, hpas.keySet(), "production: the autoscaled Deployments");
        int partitions = KafkaTest.topics(production).entrySet().stream().filter(e -> !e.getKey().endsWith(".dlq"))
                .mapToInt(e -> e.getValue().getSpec().getPartitions()).min().orElseThrow();
        for (String service : ServiceConfig.SERVICES) {
            Deployment deployment = production.get(Deployment.class, service);
            HorizontalPodAutoscaler hpa = hpas.get(service);
            if (hpa == null) {
                assertTrue(deployment.getSpec().getReplicas() >= 2, "production: replicas of " + service);
                continue;
            }
            assertEquals("Deployment", hpa.getSpec().getScaleTargetRef().getKind());
            assertEquals("apps/v1", hpa.getSpec().getScaleTargetRef().getApiVersion());
            assertNull(deployment.getSpec().getReplicas(), "production: " + service
                    + " is autoscaled, so its Deployment must not set replicas (each apply would reset them)");
            assertTrue(hpa.getSpec().getMinReplicas() >= 2, "production: minReplicas of " + service);
            assertTrue(hpa.getSpec().getMaxReplicas() > hpa.getSpec().getMinReplicas(), "production: maxReplicas of " + service);
            assertTrue(hpa.getSpec().getMaxReplicas() <= partitions, "production: " + service + " may scale to "
                    + hpa.getSpec().getMaxReplicas() + " consumers, beyond the " + partitions + " partitions they share");
            var cpuMetric = hpa.getSpec().getMetrics().stream()
                    .filter(m -> m.getResource() != null && "cpu".equals(m.getResource().getName())).findFirst();
            assertTrue(cpuMetric.isPresent(), "production: " + service + " scales on CPU");
            assertNotNull(WorkloadTest.single(deployment).getResources().getRequests().get("cpu"),
                    "production: CPU utilization needs a CPU request");
        }
    }

    /** Every Deployment and StatefulSet has one PDB that still lets a node drain proceed. */
    @Test
    void productionHasADisruptionBudgetForEveryWorkload() {
        Manifests production = Kustomize.overlay("production");
        List<PodDisruptionBudget> budgets = production.all(PodDisruptionBudget.class);
        Set<String> covered = new TreeSet<>();
        for (Manifests.Workload w : production.workloads()) {
            if (w.kind().equals("Job")) {
                continue;
            }
            List<PodDisruptionBudget> matching = budgets.stream()
                    .filter(b -> Selectors.matches(b.getSpec().getSelector(), w.template().getMetadata().getLabels())).toList();
            assertEquals(1, matching.size(), "production: PodDisruptionBudgets of " + w.describe());
            var spec = matching.get(0).getSpec();
            int minimum = Optional.ofNullable(w.replicas())
                    .orElseGet(() -> production.get(HorizontalPodAutoscaler.class, w.name()).getSpec().getMinReplicas());
            int mayLeave = spec.getMaxUnavailable() != null
                    ? value(spec.getMaxUnavailable(), minimum)
                    : minimum - value(spec.getMinAvailable(), minimum);
            assertTrue(mayLeave >= 1, w.describe() + ": its PodDisruptionBudget blocks every eviction (node drains hang)");
            int mustStay = w.kind().equals("StatefulSet") ? minimum / 2 + 1 : 1;
            assertTrue(minimum - mayLeave >= mustStay, w.describe() + ": a drain may leave " + (minimum - mayLeave)
                    + " of " + minimum + " pods, fewer than " + mustStay + (mustStay > 1 ? " (the replica set's majority)" : ""));
            covered.add(w.name());
        }
        assertTrue(covered.containsAll(ServiceConfig.SERVICES) && covered.contains("mongodb"), "covered: " + covered);
    }

    private static int value(IntOrString value, int replicas) {
        if (value.getIntVal() != null) {
            return value.getIntVal();
        }
        return (int) Math.floor(replicas * Integer.parseInt(value.getStrVal().replace("%", "")) / 100.0);
    }
}
