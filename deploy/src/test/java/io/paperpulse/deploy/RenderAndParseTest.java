package io.paperpulse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;

/** Both overlays render, and every rendered document is a known kind that parses without loss. */
class RenderAndParseTest {

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyDocumentParsesIntoItsTypedModelWithoutUnknownFields(String overlay) {
        Manifests manifests = Kustomize.overlay(overlay);
        List<String> problems = manifests.documents.stream()
                .flatMap(d -> d.problems().stream().map(p -> d.describe() + ": " + p))
                .toList();
        assertEquals(List.of(), problems, "overlay " + overlay);
        assertTrue(manifests.documents.size() >= 30, "overlay " + overlay + " rendered only "
                + manifests.documents.size() + " documents");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyObjectIsUniqueLabelledAndInTheNamespace(String overlay) {
        Manifests manifests = Kustomize.overlay(overlay);
        manifests.get(Namespace.class, "paperpulse");
        Set<String> seen = new HashSet<>();
        for (HasMetadata object : manifests.models().toList()) {
            String id = object.getKind() + "/" + object.getMetadata().getName();
            assertTrue(seen.add(id), overlay + ": " + id + " rendered twice");
            if (!(object instanceof Namespace)) {
                assertEquals("paperpulse", object.getMetadata().getNamespace(), overlay + ": namespace of " + id);
            }
            Map<String, String> labels = object.getMetadata().getLabels();
            assertEquals("paperpulse", labels == null ? null : labels.get("app.kubernetes.io/part-of"),
                    overlay + ": label app.kubernetes.io/part-of of " + id);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void noSecretValueIsRendered(String overlay) {
        assertEquals(List.of(), Kustomize.overlay(overlay).all(Secret.class).stream()
                .map(s -> s.getMetadata().getName()).toList(),
                "Secrets come from create-secrets.sh and a git-ignored file, never from the repository");
    }

    @Test
    void secretValuesLiveOnlyInAGitIgnoredFile() throws IOException {
        List<String> ignored = Files.readAllLines(Kustomize.MODULE.resolve(".gitignore"));
        for (String file : List.of("/kubernetes/secrets.env", "/kubernetes/gateway-tls.key")) {
            assertTrue(ignored.contains(file), "deploy/.gitignore must ignore " + file);
        }
        Map<String, String> example = Files.readAllLines(Kustomize.KUBERNETES.resolve("secrets.env.example")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1)));
        example.forEach((key, value) -> {
            if (!key.endsWith("_USERNAME")) {
                assertEquals("", value, "secrets.env.example must not carry a value for " + key);
            }
        });
        Set<String> secrets = Kustomize.documentedSecrets().all(Secret.class).stream()
                .map(s -> s.getMetadata().getName()).collect(Collectors.toSet());
        assertEquals(Set.of("mongodb-root", "mongodb-keyfile", "ingest-service-mongodb", "query-service-mongodb",
                "notify-service-mongodb", "ingest-service-api-key", "notify-service-keys", "notify-service-smtp", "paperpulse-gateway-tls"), secrets);
    }

    /** A file a test needs and does not find fails it: a skip would pass for a green check. */
    @Test
    void aMissingFileFailsInsteadOfSkipping() {
        AssertionError missing = assertThrows(AssertionError.class,
                () -> Kustomize.requireFile(Kustomize.PROJECT.resolve("no-such-service/src/main/resources/application.properties")));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        assertThrows(AssertionError.class, () -> ServiceConfig.load("no-such-service"));
    }

    /** The strictness itself: misspelled or removed fields must be reported, not silently kept. */
    @Test
    void misspelledAndRemovedFieldsAreReported() {
        String yaml = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: d}
                spec:
                  replica: 2
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers:
                        - name: c
                          image: x:1
                          readinesProbe: {httpGet: {path: /q/health/ready, port: http}}
                          resources: {limits: {memory: 1Gi}, request: {cpu: 1}}
                ---
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: t}
                spec: {partition: 3, replicas: 1}
                ---
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaNodePool
                metadata: {name: p}
                spec:
                  replicas: 1
                  roles: [broker]
                  storage: {type: jbod, volumes: [{id: 0, type: persistent-claim, sizee: 1Gi}]}
                ---
                apiVersion: kafka.strimzi.io/v1
                kind: Kafka
                metadata: {name: k}
                spec:
                  kafka:
                    replicas: 3
                    listeners: [{name: plain, port: 9092, type: internal, tls: false}]
                ---
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: old}
                spec: {partitions: 1}
                ---
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: r}
                spec:
                  rules: [{matches: [{path: {type: Exact, value: /digests}, methods: POST}]}]
                ---
                apiVersion: gateway.envoyproxy.io/v1alpha1
                kind: BackendTrafficPolicy
                metadata: {name: b}
                spec:
                  targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: r}]
                  rateLimit: {local: {rules: [{limit: {requests: -1, units: Minute}}]}}
                """;
        List<Manifests.Document> documents = Manifests.parse("sample", yaml).documents;
        assertEquals(7, documents.size());
        assertReported(documents.get(0), "replica", "readinesProbe", "request");
        assertReported(documents.get(1), "partition");
        assertReported(documents.get(2), "sizee");
        assertReported(documents.get(3), "replicas: deprecated");
        assertReported(documents.get(4), "kafka.strimzi.io/v1beta2/KafkaTopic");
        assertReported(documents.get(5), "methods");
        assertReported(documents.get(6), "units: unknown field", "required field unit", "requests: below the minimum");
    }

    private static void assertReported(Manifests.Document document, String... fragments) {
        String problems = String.join("\n", document.problems());
        for (String fragment : fragments) {
            assertTrue(problems.contains(fragment), document.describe() + ": expected a problem naming '"
                    + fragment + "', got:\n" + problems);
        }
    }
}
