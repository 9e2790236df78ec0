package io.paperpulse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

/**
 * Only the gateway is reachable from outside, and the services reach only Kafka and MongoDB (notify-service also
 * public HTTPS and SMTP, for webhooks and e-mail; and
 * DNS). The NetworkPolicies are evaluated against the pods of the render and the labels Strimzi
 * puts on its broker pods.
 */
class NetworkTest {

    static final String GATEWAY_NAMESPACE = "envoy-gateway-system";
    static final Set<String> EXPOSED = Set.of("ingest-service", "query-service", "notify-service");

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void ingressIsDeniedUnlessAllowed(String overlay) {
        Manifests manifests = Kustomize.overlay(overlay);
        assertTrue(manifests.all(NetworkPolicy.class).stream().anyMatch(p -> Selectors.isEmpty(p.getSpec().getPodSelector())
                && p.getSpec().getPolicyTypes().contains("Ingress")
                && (p.getSpec().getIngress() == null || p.getSpec().getIngress().isEmpty())),
                overlay + ": a default-deny ingress policy for every pod of the namespace");
        List<String> problems = new ArrayList<>();
        for (NetworkPolicy policy : manifests.all(NetworkPolicy.class)) {
            String name = policy.getMetadata().getName();
            for (var rule : Optional.ofNullable(policy.getSpec().getIngress()).orElse(List.of())) {
                if (rule.getFrom() == null || rule.getFrom().isEmpty()) {
                    problems.add(name + ": an ingress rule without 'from' admits everyone");
                }
                if (rule.getPorts() == null || rule.getPorts().isEmpty()) {
                    problems.add(name + ": an ingress rule without ports opens every port");
                }
                Optional.ofNullable(rule.getFrom()).orElse(List.of()).stream().filter(p -> p.getIpBlock() != null)
                        .forEach(p -> problems.add(name + ": ipBlock peers are not allowed"));
            }
        }
        assertEquals(List.of(), problems, "overlay " + overlay);
    }

    /** Who may connect to each workload: only the gateway to the two exposed services. */
    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void onlyTheGatewayReachesTheServicesFromOutside(String overlay) {
        Manifests manifests = Kustomize.overlay(overlay);
        Map<String, Map<String, String>> pods = podLabels(manifests);
        for (Manifests.Workload w : manifests.workloads()) {
            Set<String> sources = new TreeSet<>();
            for (NetworkPolicy policy : selecting(manifests, w.template().getMetadata().getLabels(), "Ingress")) {
                for (var rule : Optional.ofNullable(policy.getSpec().getIngress()).orElse(List.of())) {
                    for (NetworkPolicyPeer peer : rule.getFrom()) {
                        sources.addAll(describe(peer, pods) .stream().map(s -> s + " on " + ports(rule.getPorts())).toList());
                    }
                }
            }
            Set<String> expected = switch (w.name()) {
                case "ingest-service", "query-service", "notify-service" -> Set.of("namespace " + GATEWAY_NAMESPACE + " on [http]");
                case "mongodb" -> Set.of("pod ingest-service on [27017]", "pod query-service on [27017]", "pod notify-service on [27017]",
                        "pod mongodb on [27017]", "pod mongodb-init on [27017]");
                default -> Set.of();
            };
            assertEquals(new TreeSet<>(expected), sources, overlay + ": who reaches " + w.describe());
        }
    }

    /** Where each workload may connect to: DNS, Kafka brokers, MongoDB, each only where needed. */
    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void theServicesReachOnlyKafkaAndMongodb(String overlay) {
        Manifests manifests = Kustomize.overlay(overlay);
        Map<String, Map<String, String>> pods = podLabels(manifests);
        String cluster = KafkaTest.kafka(manifests).getMetadata().getName();
        String kafka = "pod kafka-broker on [" + KafkaTest.clientListener(KafkaTest.kafka(manifests)).getPort() + "]";
        KafkaTest.pools(manifests).forEach(pool -> pods.put("kafka-broker", Map.of("strimzi.io/cluster", cluster,
                "strimzi.io/kind", "Kafka", "strimzi.io/name", cluster + "-kafka",
                "strimzi.io/pool-name", pool.getMetadata().getName(), "strimzi.io/broker-role", "true")));
        for (Manifests.Workload w : manifests.workloads()) {
            List<NetworkPolicy> policies = selecting(manifests, w.template().getMetadata().getLabels(), "Egress");
            assertTrue(!policies.isEmpty(), overlay + ": " + w.describe() + " has no egress policy: it may connect anywhere");
            Set<String> targets = new TreeSet<>();
            for (NetworkPolicy policy : policies) {
                for (var rule : Optional.ofNullable(policy.getSpec().getEgress()).orElse(List.of())) {
                    assertTrue(rule.getTo() != null && !rule.getTo().isEmpty() && rule.getPorts() != null && !rule.getPorts().isEmpty(),
                            policy.getMetadata().getName() + ": an egress rule must name its peers and ports");
                    for (NetworkPolicyPeer peer : rule.getTo()) {
                        targets.addAll(describe(peer, pods).stream().map(s -> s + " on " + ports(rule.getPorts())).toList());
                    }
                }
            }
            String dns = "namespace kube-system pods {k8s-app=kube-dns} on [53/TCP, 53/UDP]";
            Set<String> expected = switch (w.name()) {
                case "ingest-service", "query-service" -> Set.of(dns, kafka, "pod mongodb on [27017]");
                case "enrich-service" -> Set.of(dns, kafka);
                // subscribers' webhooks (HTTPS) and the SMTP relay, outside the cluster's private ranges
                case "notify-service" -> Set.of(dns, kafka, "pod mongodb on [27017]", "ipBlock 0.0.0.0/0 on [443, 465, 587]");
                case "mongodb", "mongodb-init" -> Set.of(dns, "pod mongodb on [27017]");
                default -> Set.of("(unexpected workload)");
            };
            assertEquals(new TreeSet<>(expected), targets, overlay + ": where " + w.describe() + " may connect");
        }
    }

    static Map<String, Map<String, String>> podLabels(Manifests manifests) {
        Map<String, Map<String, String>> pods = new HashMap<>();
        manifests.workloads().forEach(w -> pods.put(w.name(), w.template().getMetadata().getLabels()));
        return pods;
    }

    static List<NetworkPolicy> selecting(Manifests manifests, Map<String, String> labels, String type) {
        return manifests.all(NetworkPolicy.class).stream()
                .filter(p -> p.getSpec().getPolicyTypes() != null && p.getSpec().getPolicyTypes().contains(type))
                .filter(p -> Selectors.matches(p.getSpec().getPodSelector(), labels))
                .toList();
    }

    /** A peer as the pods of this namespace it selects, or as the other namespace it admits. */
    static Set<String> describe(NetworkPolicyPeer peer, Map<String, Map<String, String>> pods) {
        Set<String> described = new LinkedHashSet<>();
        if (peer.getIpBlock() != null) {
            described.add("ipBlock " + peer.getIpBlock().getCidr());
        } else if (peer.getNamespaceSelector() != null) {
            LabelSelector ns = peer.getNamespaceSelector();
            String name = ns.getMatchLabels() == null ? null : ns.getMatchLabels().get("kubernetes.io/metadata.name");
            String text = "namespace " + (name == null ? "ANY " + ns : name);
            if (peer.getPodSelector() != null && !Selectors.isEmpty(peer.getPodSelector())) {
                text += " pods " + new java.util.TreeMap<>(peer.getPodSelector().getMatchLabels());
            }
            described.add(text);
        } else {
            pods.forEach((pod, labels) -> {
                if (Selectors.matches(peer.getPodSelector(), labels)) {
                    described.add("pod " + pod);
                }
            });
            if (described.isEmpty()) {
                described.add("no pod (" + peer.getPodSelector() + ")");
            }
        }
        return described;
    }

    static String ports(List<NetworkPolicyPort> ports) {
        Set<String> text = new TreeSet<>();
        for (NetworkPolicyPort port : Optional.ofNullable(ports).orElse(List.of())) {
            IntOrString p = port.getPort();
            String value = p == null ? "ANY" : p.getStrVal() != null ? p.getStrVal() : String.valueOf(p.getIntVal());
            boolean onlyTcp = ports.stream().allMatch(q -> q.getProtocol() == null || "TCP".equals(q.getProtocol()));
            text.add(onlyTcp ? value : value + "/" + Optional.ofNullable(port.getProtocol()).orElse("TCP"));
        }
        return text.toString();
    }
}
