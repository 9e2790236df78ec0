package io.paperpulse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

/** Every variable a service reads is set, and every ConfigMap, Secret and $(VAR) it names exists. */
class ConfigurationTest {

    /** What the services read, by design; their application.properties are checked on top. */
    static final Set<String> KAFKA = Set.of("KAFKA_BOOTSTRAP_SERVERS", "KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_MECHANISM",
            "KAFKA_SASL_JAAS_CONFIG", "KAFKA_SSL_TRUSTSTORE_TYPE", "KAFKA_SSL_TRUSTSTORE_CERTIFICATES");
    static final Map<String, Set<String>> VARIABLES = Map.of(
            "ingest-service", KafkaAclTest.union(KAFKA, Set.of("INGEST_PORT", "MONGODB_URI", "MONGODB_DATABASE",
                    "PAPERPULSE_INGEST_KEY", "INGEST_MAX_BODY_BYTES")),
            "enrich-service", KafkaAclTest.union(KAFKA, Set.of("ENRICH_PORT")),
            "query-service", KafkaAclTest.union(KAFKA, Set.of("QUERY_PORT", "MONGODB_URI", "MONGODB_DATABASE")),
            "notify-service", KafkaAclTest.union(KAFKA, Set.of("NOTIFY_PORT", "MONGODB_URI", "MONGODB_DATABASE", "PAPERPULSE_NOTIFY_KEY",
                    "PAPERPULSE_NOTIFY_SIGNING_KEY", "PAPERPULSE_NOTIFY_ALLOW_PRIVATE", "SMTP_HOST", "SMTP_PORT", "SMTP_USERNAME", "SMTP_PASSWORD")));

    private static final Pattern SECRET_NAME = Pattern.compile("(^|_)(PASSWORD|SECRET|TOKEN|KEY|KEYFILE|CREDENTIALS?|JAAS)($|_)");

    static Environment environment(Manifests manifests, String service) {
        Container container = WorkloadTest.single(manifests.get(Deployment.class, service));
        return Environment.of(service, container, manifests, Kustomize.secrets(manifests));
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyVariableOfTheDesignIsSet(String overlay) {
        Manifests manifests = Kustomize.overlay(overlay);
        VARIABLES.forEach((service, names) -> {
            Set<String> missing = new TreeSet<>(names);
            missing.removeAll(environment(manifests, service).values.keySet());
            assertEquals(Set.of(), missing, overlay + ": " + service + " does not get");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "enrich-service", "query-service", "notify-service"})
    void everyVariableInApplicationPropertiesIsSet(String service) {
        ServiceConfig config = ServiceConfig.load(service);
        Set<String> read = config.environmentVariables();
        assertFalse(read.isEmpty(), service + ": no ${VARIABLE} found in " + config.file);
        for (String overlay : Kustomize.OVERLAYS) {
            Set<String> missing = new TreeSet<>(read);
            missing.removeAll(environment(Kustomize.overlay(overlay), service).values.keySet());
            assertEquals(Set.of(), missing, overlay + ": " + service + " reads these (" + config.file + ") but does not get them");
        }
    }

    /** ConfigMaps, Secrets (made by create-secrets.sh or Strimzi), keys and $(VAR) references all resolve. */
    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyReferenceResolves(String overlay) {
        Manifests manifests = Kustomize.overlay(overlay);
        Manifests secrets = Kustomize.secrets(manifests);
        List<String> problems = new ArrayList<>();
        for (Manifests.Workload w : manifests.workloads()) {
            for (Container c : WorkloadTest.allContainers(w.template().getSpec())) {
                problems.addAll(Environment.of(w.describe(), c, manifests, secrets).problems);
            }
            List<Volume> volumes = Optional.ofNullable(w.template().getSpec().getVolumes()).orElse(List.of());
            for (Volume v : volumes) {
                if (v.getConfigMap() != null) {
                    var data = manifests.configMapData(v.getConfigMap().getName());
                    if (data.isEmpty()) {
                        problems.add(w.describe() + ": volume " + v.getName() + " mounts ConfigMap " + v.getConfigMap().getName() + ", not in the render");
                    } else {
                        problems.addAll(missingKeys(w.describe(), v.getConfigMap().getItems(), data.get().keySet()));
                    }
                }
                if (v.getSecret() != null) {
                    var secret = secrets.find(Secret.class, v.getSecret().getSecretName());
                    if (secret.isEmpty()) {
                        problems.add(w.describe() + ": volume " + v.getName() + " mounts Secret " + v.getSecret().getSecretName()
                                + ", which neither create-secrets.sh nor Strimzi makes");
                    } else {
                        problems.addAll(missingKeys(w.describe(), v.getSecret().getItems(), secret.get().getData().keySet()));
                    }
                }
            }
        }
        assertEquals(List.of(), problems, "overlay " + overlay);
    }

    private static List<String> missingKeys(String where, List<KeyToPath> items, Set<String> keys) {
        return Optional.ofNullable(items).orElse(List.of()).stream().filter(i -> !keys.contains(i.getKey()))
                .map(i -> where + ": mounts key " + i.getKey() + ", which is not there").toList();
    }

    /** Credentials come from Secrets: never a literal value, never a ConfigMap. */
    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void credentialsComeOnlyFromSecrets(String overlay) {
        Manifests manifests = Kustomize.overlay(overlay);
        List<String> problems = new ArrayList<>();
        for (Manifests.Workload w : manifests.workloads()) {
            for (Container c : WorkloadTest.allContainers(w.template().getSpec())) {
                for (EnvVar var : Optional.ofNullable(c.getEnv()).orElse(List.of())) {
                    if (SECRET_NAME.matcher(var.getName()).find()
                            && (var.getValueFrom() == null || var.getValueFrom().getSecretKeyRef() == null)) {
                        problems.add(w.describe() + ": " + var.getName() + " must come from a Secret");
                    }
                    if (var.getValue() != null && var.getValue().matches(".*://[^$/]+:[^$/]+@.*")) {
                        problems.add(w.describe() + ": " + var.getName() + " has literal credentials in a URI");
                    }
                }
            }
        }
        for (ConfigMap map : manifests.all(ConfigMap.class)) {
            Optional.ofNullable(map.getData()).orElse(Map.of()).keySet().stream()
                    .filter(k -> SECRET_NAME.matcher(k).find())
                    .forEach(k -> problems.add("ConfigMap " + map.getMetadata().getName() + ": key " + k + " looks like a credential"));
        }
        assertEquals(List.of(), problems, "overlay " + overlay);
    }

    /** Each service talks to its own database, through the replica set of the StatefulSet. */
    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void mongodbSettingsAgreeWithTheReplicaSet(String overlay) {
        Manifests manifests = Kustomize.overlay(overlay);
        StatefulSet mongodb = manifests.get(StatefulSet.class, "mongodb");
        Map<String, String> shared = manifests.generatedConfigMap("paperpulse-mongodb").getData();
        List<String> expectedHosts = new ArrayList<>();
        for (int i = 0; i < mongodb.getSpec().getReplicas(); i++) {
            expectedHosts.add("mongodb-" + i + "." + mongodb.getSpec().getServiceName() + ":27017");
        }
        assertEquals(expectedHosts, Arrays.asList(shared.get("MONGODB_HOSTS").split(",")),
                overlay + ": MONGODB_HOSTS lists one host per StatefulSet replica");
        List<String> args = mongodb.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs();
        assertTrue(args.contains("--replSet=" + shared.get("MONGODB_REPLICA_SET")), overlay + ": mongod --replSet is MONGODB_REPLICA_SET");
        assertTrue(args.stream().anyMatch(a -> a.startsWith("--keyFile=")), overlay + ": members authenticate with a key file");

        Map<String, String> databases = Map.of("ingest-service", "ingest", "query-service", "paperpulse", "notify-service", "notify");
        Map<String, String> granted = Map.of("ingest-service", shared.get("MONGODB_INGEST_DATABASE"),
                "query-service", shared.get("MONGODB_QUERY_DATABASE"), "notify-service", shared.get("MONGODB_NOTIFY_DATABASE"));
        databases.forEach((service, database) -> {
            Environment env = environment(manifests, service);
            assertEquals(database, env.values.get("MONGODB_DATABASE"), overlay + ": " + service + " MONGODB_DATABASE");
            assertEquals(database, granted.get(service), overlay + ": the init Job grants " + service + " its database");
            String uri = env.values.get("MONGODB_URI");
            String expected = "mongodb://<secret " + service + "-mongodb/username>:<secret " + service + "-mongodb/password>@"
                    + String.join(",", expectedHosts) + "/?replicaSet=" + shared.get("MONGODB_REPLICA_SET") + "&authSource=" + database;
            assertEquals(expected, uri, overlay + ": " + service + " MONGODB_URI");
        });
    }
}
