package io.paperpulse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

/** The Strimzi Kafka cluster and one KafkaTopic for every topic the services use. */
class KafkaTest {

    /** The design's topics; the application.properties files are checked on top of these. */
    static final Set<String> TOPICS = Set.of("digests.raw", "digests.raw.dlq", "papers.parsed", "papers.parsed.dlq",
            "papers.enriched", "papers.enriched.dlq", "papers.merged");
    /** Keyed by paper id, the latest value per key is what the design relies on. */
    static final Set<String> COMPACTED = Set.of("papers.parsed", "papers.enriched", "papers.merged");

    static Map<String, KafkaTopic> topics(Manifests manifests) {
        Map<String, KafkaTopic> byName = new java.util.TreeMap<>();
        for (KafkaTopic topic : manifests.all(KafkaTopic.class)) {
            String name = Optional.ofNullable(topic.getSpec().getTopicName()).orElse(topic.getMetadata().getName());
            assertTrue(byName.put(name, topic) == null, "two KafkaTopics for " + name);
        }
        return byName;
    }

    static Kafka kafka(Manifests manifests) {
        List<Kafka> clusters = manifests.all(Kafka.class);
        assertEquals(1, clusters.size(), "one Kafka cluster");
        return clusters.get(0);
    }

    static List<KafkaNodePool> pools(Manifests manifests) {
        String cluster = kafka(manifests).getMetadata().getName();
        List<KafkaNodePool> pools = manifests.all(KafkaNodePool.class);
        for (KafkaNodePool pool : pools) {
            assertEquals(cluster, pool.getMetadata().getLabels().get("strimzi.io/cluster"),
                    "KafkaNodePool " + pool.getMetadata().getName() + " must name its cluster");
        }
        return pools;
    }

    static int nodes(Manifests manifests, ProcessRoles role) {
        return pools(manifests).stream().filter(p -> p.getSpec().getRoles().contains(role))
                .mapToInt(p -> p.getSpec().getReplicas()).sum();
    }

    static int config(Map<String, Object> config, String key, int fallback) {
        Object value = config == null ? null : config.get(key);
        return value == null ? fallback : Integer.parseInt(value.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyTopicOfTheDesignHasAKafkaTopic(String overlay) {
        Set<String> missing = new TreeSet<>(TOPICS);
        missing.removeAll(topics(Kustomize.overlay(overlay)).keySet());
        assertEquals(Set.of(), missing, overlay + ": topics without a KafkaTopic");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "enrich-service", "query-service", "notify-service"})
    void everyTopicNamedInApplicationPropertiesHasAKafkaTopic(String service) {
        ServiceConfig config = ServiceConfig.load(service);
        Set<String> used = config.topics();
        assertFalse(used.isEmpty(), service + ": no topic found in " + config.file);
        for (String overlay : Kustomize.OVERLAYS) {
            Set<String> missing = new TreeSet<>(used);
            missing.removeAll(topics(Kustomize.overlay(overlay)).keySet());
            assertEquals(Set.of(), missing, overlay + ": topics used by " + service + " without a KafkaTopic");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void topicsAreConfiguredForHowTheyAreUsed(String overlay) {
        Manifests manifests = Kustomize.overlay(overlay);
        String cluster = kafka(manifests).getMetadata().getName();
        int brokers = nodes(manifests, ProcessRoles.BROKER);
        List<String> problems = new ArrayList<>();
        topics(manifests).forEach((name, topic) -> {
            var spec = topic.getSpec();
            Map<String, Object> config = spec.getConfig() == null ? Map.of() : spec.getConfig();
            String policy = String.valueOf(config.getOrDefault("cleanup.policy", "delete"));
            if (!name.equals(topic.getMetadata().getName())) {
                problems.add(name + ": KafkaTopic " + topic.getMetadata().getName() + " should be named as its topic");
            }
            if (!cluster.equals(topic.getMetadata().getLabels().get("strimzi.io/cluster"))) {
                problems.add(name + ": label strimzi.io/cluster must be " + cluster);
            }
            if (spec.getPartitions() == null || spec.getPartitions() < 1 || spec.getReplicas() == null) {
                problems.add(name + ": partitions and replicas must be set");
                return;
            }
            if (spec.getReplicas() > brokers) {
                problems.add(name + ": " + spec.getReplicas() + " replicas on " + brokers + " brokers");
            }
            int minIsr = config(config, "min.insync.replicas", 1);
            if (spec.getReplicas() > 1 && minIsr >= spec.getReplicas() || minIsr > spec.getReplicas()) {
                problems.add(name + ": min.insync.replicas " + minIsr + " leaves no room to lose a replica of " + spec.getReplicas());
            }
            if (COMPACTED.contains(name) != policy.equals("compact")) {
                problems.add(name + ": cleanup.policy " + policy + (COMPACTED.contains(name)
                        ? ", but it is keyed by paper id and must be compact" : ", but only " + COMPACTED + " are compacted"));
            }
            if (policy.equals("delete") && !config.containsKey("retention.ms")) {
                problems.add(name + ": a deleting topic needs an explicit retention.ms");
            }
            if (name.endsWith(".dlq") && topics(manifests).containsKey(name.substring(0, name.length() - 4))) {
                Object mainSize = topics(manifests).get(name.substring(0, name.length() - 4)).getSpec().getConfig().get("max.message.bytes");
                if (mainSize != null && !mainSize.equals(config.get("max.message.bytes"))) {
                    problems.add(name + ": a dead letter must fit: max.message.bytes as on its topic (" + mainSize + ")");
                }
            }
        });
        assertEquals(List.of(), problems, "overlay " + overlay);
    }

    /** The page size ingest-service accepts (on REST and on Kafka) must fit into one digests.raw message. */
    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void aDigestAcceptedByIngestFitsIntoOneMessage(String overlay) {
        Manifests manifests = Kustomize.overlay(overlay);
        long maxBody = Long.parseLong(manifests.generatedConfigMap("ingest-service-config").getData().get("INGEST_MAX_BODY_BYTES"));
        Object topicMax = topics(manifests).get("digests.raw").getSpec().getConfig().get("max.message.bytes");
        long maxMessage = topicMax == null ? 1048588 : Long.parseLong(topicMax.toString());
        assertTrue(maxBody + 64 * 1024 <= maxMessage, overlay + ": INGEST_MAX_BODY_BYTES " + maxBody
                + " plus headers must fit digests.raw max.message.bytes " + maxMessage);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void theClusterRunsInKRaftModeWithBoundedResources(String overlay) {
        Manifests manifests = Kustomize.overlay(overlay);
        Kafka kafka = kafka(manifests);
        var spec = kafka.getSpec().getKafka();
        assertNotNull(spec.getVersion(), "spec.kafka.version pins the Kafka image");
        int brokers = nodes(manifests, ProcessRoles.BROKER);
        int controllers = nodes(manifests, ProcessRoles.CONTROLLER);
        assertTrue(brokers >= 1 && controllers >= 1, overlay + ": KRaft needs broker and controller nodes");
        assertEquals(1, controllers % 2, overlay + ": an odd number of KRaft controllers (" + controllers + ")");
        for (String key : List.of("offsets.topic.replication.factor", "transaction.state.log.replication.factor",
                "default.replication.factor")) {
            int factor = config(spec.getConfig(), key, 3);
            assertTrue(factor <= brokers, overlay + ": " + key + " " + factor + " on " + brokers + " brokers");
        }
        int minIsr = config(spec.getConfig(), "min.insync.replicas", 1);
        int defaultFactor = config(spec.getConfig(), "default.replication.factor", 1);
        assertTrue(defaultFactor == 1 ? minIsr == 1 : minIsr < defaultFactor,
                overlay + ": min.insync.replicas " + minIsr + " with replication factor " + defaultFactor);
        assertEquals("false", String.valueOf(spec.getConfig().get("auto.create.topics.enable")),
                overlay + ": topics come from KafkaTopic resources only");
        for (KafkaNodePool pool : pools(manifests)) {
            assertBounded("KafkaNodePool " + pool.getMetadata().getName(), pool.getSpec().getResources());
            assertNotNull(pool.getSpec().getStorage(), "KafkaNodePool storage");
        }
        assertNotNull(kafka.getSpec().getEntityOperator().getTopicOperator(), "the Topic Operator applies the KafkaTopics");
        assertBounded("Topic Operator", kafka.getSpec().getEntityOperator().getTopicOperator().getResources());
    }

    /** The only client listener: TLS and SCRAM-SHA-512, with ACLs enforced (simple authorization). */
    static GenericKafkaListener clientListener(Kafka kafka) {
        List<GenericKafkaListener> listeners = kafka.getSpec().getKafka().getListeners();
        assertEquals(1, listeners.size(), "one client listener");
        return listeners.get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyListenerHasTlsAndAuthenticationAndAclsAreEnforced(String overlay) {
        Kafka kafka = kafka(Kustomize.overlay(overlay));
        for (GenericKafkaListener listener : kafka.getSpec().getKafka().getListeners()) {
            assertTrue(listener.isTls(), overlay + ": listener " + listener.getName() + " must use TLS");
            assertNotNull(listener.getAuth(), overlay + ": listener " + listener.getName() + " must authenticate clients");
            assertTrue(Set.of("scram-sha-512", "tls").contains(listener.getAuth().getType()),
                    overlay + ": listener " + listener.getName() + " authentication " + listener.getAuth().getType());
        }
        var authorization = kafka.getSpec().getKafka().getAuthorization();
        assertNotNull(authorization, overlay + ": Kafka authorization");
        assertEquals("simple", authorization.getType(), overlay + ": ACLs enforced");
        assertTrue(!(authorization instanceof io.strimzi.api.kafka.model.kafka.KafkaAuthorizationSimple simple)
                || simple.getSuperUsers() == null || simple.getSuperUsers().isEmpty(), overlay + ": no super user beyond Strimzi's own");
        assertNotNull(kafka.getSpec().getEntityOperator().getUserOperator(), overlay + ": the User Operator applies the KafkaUsers");
        assertBounded("User Operator", kafka.getSpec().getEntityOperator().getUserOperator().getResources());
    }

    /**
     * What each service's Kafka client is configured with in the cluster: its application.properties resolved with
     * the environment its container gets. The TLS bootstrap of the listener, SASL_SSL with the listener's
     * mechanism, the JAAS line of its own KafkaUser's Secret, and the cluster CA as a PEM trust store.
     */
    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void eachServiceConnectsOverTlsAsItsOwnKafkaUser(String overlay) {
        Manifests manifests = Kustomize.overlay(overlay);
        Kafka kafka = kafka(manifests);
        GenericKafkaListener listener = clientListener(kafka);
        Map<String, String> expected = Map.of(
                "kafka.bootstrap.servers", kafka.getMetadata().getName() + "-kafka-bootstrap:" + listener.getPort(),
                "kafka.security.protocol", "SASL_SSL",
                "kafka.sasl.mechanism", "SCRAM-SHA-512",
                "kafka.ssl.truststore.type", "PEM",
                "kafka.ssl.truststore.certificates", "<secret " + StrimziSecrets.clusterCaCertificate(kafka) + "/ca.crt>");
        assertEquals("scram-sha-512", listener.getAuth().getType(), overlay + ": the services use SCRAM-SHA-512");
        for (String service : ServiceConfig.SERVICES) {
            ServiceConfig config = ServiceConfig.load(service);
            Map<String, String> env = ConfigurationTest.environment(manifests, service).values;
            Map<String, String> actual = new java.util.TreeMap<>();
            for (String key : expected.keySet()) {
                actual.put(key, ServiceConfig.resolve(Objects.requireNonNull(config.properties.get(key), service + ": " + key), env));
            }
            assertEquals(new java.util.TreeMap<>(expected), actual, overlay + ": " + service + "'s Kafka client");
            String jaas = ServiceConfig.resolve(config.properties.get("kafka.sasl.jaas.config"), env);
            assertEquals("<secret " + service + "/sasl.jaas.config>", jaas, overlay + ": " + service + " logs in as its own KafkaUser");
            manifests.get(KafkaUser.class, service);
        }
        Set<String> peers = new LinkedHashSet<>();
        manifests.workloads().forEach(w -> {
            var labels = w.template().getMetadata().getLabels();
            if (listener.getNetworkPolicyPeers().stream().anyMatch(p -> Selectors.matches(p.getPodSelector(), labels))) {
                peers.add(w.name());
            }
        });
        assertEquals(new LinkedHashSet<>(ServiceConfig.SERVICES), peers,
                overlay + ": the listener's networkPolicyPeers admit exactly the four services");
    }

    /** Without the cluster's environment the same properties give a plaintext client (local runs and tests). */
    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "enrich-service", "query-service", "notify-service"})
    void withoutTheClusterEnvironmentTheClientIsPlaintext(String service) {
        ServiceConfig config = ServiceConfig.load(service);
        assertEquals("PLAINTEXT", ServiceConfig.resolve(config.properties.get("kafka.security.protocol")), service);
        assertEquals("", ServiceConfig.resolve(config.properties.get("kafka.sasl.jaas.config")), service);
    }

    static void assertBounded(String what, ResourceRequirements resources) {
        assertNotNull(resources, what + ": resources");
        for (String resource : List.of("cpu", "memory")) {
            assertNotNull(resources.getRequests() == null ? null : resources.getRequests().get(resource), what + ": " + resource + " request");
            assertNotNull(resources.getLimits() == null ? null : resources.getLimits().get(resource), what + ": " + resource + " limit");
        }
    }
}
