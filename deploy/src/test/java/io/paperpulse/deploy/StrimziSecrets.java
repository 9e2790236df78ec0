package io.paperpulse.deploy;

import java.util.List;
import java.util.Map;

import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.user.KafkaUser;

/**
 * The Secrets that Strimzi's operators make from a render, as Strimzi documents them: the cluster CA's public
 * certificate for each Kafka, and one Secret per KafkaUser, named after it, with that user's credentials.
 */
final class StrimziSecrets {

    static final Map<String, List<String>> USER_KEYS = Map.of(
            "scram-sha-512", List.of("password", "sasl.jaas.config"),
            "tls", List.of("ca.crt", "user.crt", "user.key", "user.p12", "user.password"));

    private StrimziSecrets() {
    }

    static String clusterCaCertificate(Kafka kafka) {
        return kafka.getMetadata().getName() + "-cluster-ca-cert";
    }

    /** The Secret manifests (placeholder values), in the render's namespace. */
    static String of(Manifests rendered) {
        StringBuilder yaml = new StringBuilder();
        for (Kafka kafka : rendered.all(Kafka.class)) {
            yaml.append(secret(clusterCaCertificate(kafka), List.of("ca.crt", "ca.p12", "ca.password")));
        }
        for (KafkaUser user : rendered.all(KafkaUser.class)) {
            var authentication = user.getSpec().getAuthentication();
            List<String> keys = authentication == null ? List.of() : USER_KEYS.getOrDefault(authentication.getType(), List.of());
            if (!keys.isEmpty()) {
                yaml.append(secret(user.getMetadata().getName(), keys));
            }
        }
        return yaml.toString();
    }

    private static String secret(String name, List<String> keys) {
        StringBuilder yaml = new StringBuilder("---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: " + name + "\ntype: Opaque\ndata:\n");
        keys.forEach(k -> yaml.append("  \"").append(k).append("\": eA==\n"));
        return yaml.toString();
    }
}
