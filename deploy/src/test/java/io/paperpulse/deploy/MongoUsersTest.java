package io.paperpulse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

/**
 * The mongodb-init Job's script, as rendered, run under Node.js against a recording stand-in for mongosh
 * (src/test/resources/mongosh/stand-in.js) with the environment the Job's container gets and the values that
 * create-secrets.sh generates: each service's user is defined in its own database and may readWrite that
 * database only, and a second run changes passwords instead of creating anything.
 */
class MongoUsersTest {

    /** Service -> its database, which is also its user's name. */
    static final Map<String, String> DATABASES = Map.of("ingest-service", "ingest", "query-service", "paperpulse", "notify-service", "notify");
    /** Every command the script may send: replica set set-up and the users, nothing that grants more. */
    static final Set<String> ALLOWED_COMMANDS = Set.of("ping", "replSetGetStatus", "replSetInitiate", "replSetGetConfig",
            "replSetReconfig", "usersInfo", "createUser", "updateUser");
    private static final Pattern SECRET_VALUE = Pattern.compile("<secret ([^/>]+)/([^>]+)>");

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void eachServiceUserIsDefinedInAndLimitedToItsOwnDatabase(String overlay) throws IOException {
        Manifests manifests = Kustomize.overlay(overlay);
        JsonNode commands = runInitScript(manifests, 2);
        Map<String, String> created = new TreeMap<>();
        Map<String, String> updated = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode sent : commands) {
            JsonNode command = sent.path("command");
            String verb = command.fieldNames().next();
            if (!ALLOWED_COMMANDS.contains(verb)) {
                problems.add("run " + sent.path("run") + ": " + verb + " on " + sent.path("db").asText());
            }
            if (verb.equals("createUser") || verb.equals("updateUser")) {
                String user = command.path(verb).asText();
                String grant = sent.path("db").asText() + " " + user + " " + command.path("roles");
                (verb.equals("createUser") ? created : updated).put(user, grant);
                if (sent.path("run").asInt() == 2 && verb.equals("createUser")) {
                    problems.add("the second run created user " + user + " again");
                }
            }
            if (sent.path("run").asInt() == 2 && verb.equals("replSetInitiate")) {
                problems.add("the second run initiated the replica set again");
            }
        }
        assertEquals(List.of(), problems, overlay);
        Map<String, String> expected = new TreeMap<>();
        DATABASES.values().forEach(db -> expected.put(db, db + " " + db + " [{\"role\":\"readWrite\",\"db\":\"" + db + "\"}]"));
        assertEquals(expected, created, overlay + ": users created (database, name, roles)");
        assertEquals(expected, updated, overlay + ": users updated by the second run (database, name, roles)");

        DATABASES.forEach((service, database) -> {
            Environment env = ConfigurationTest.environment(manifests, service);
            assertEquals(database, decoded(env.values.get("MONGODB_USERNAME"), Kustomize.documentedSecrets()),
                    overlay + ": " + service + "'s user (secrets.env.example)");
            assertTrue(env.values.get("MONGODB_URI").endsWith("&authSource=" + database),
                    overlay + ": " + service + " authenticates against its own database: " + env.values.get("MONGODB_URI"));
        });
    }

    /** The replica set the script initiates has one member per host of MONGODB_HOSTS, the first preferred. */
    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void theScriptInitiatesTheReplicaSetOfTheStatefulSet(String overlay) throws IOException {
        Manifests manifests = Kustomize.overlay(overlay);
        Map<String, String> shared = manifests.generatedConfigMap("paperpulse-mongodb").getData();
        JsonNode initiate = null;
        for (JsonNode sent : runInitScript(manifests, 1)) {
            if (sent.path("command").has("replSetInitiate")) {
                initiate = sent.path("command").path("replSetInitiate");
            }
        }
        assertTrue(initiate != null, overlay + ": the replica set is initiated");
        assertEquals(shared.get("MONGODB_REPLICA_SET"), initiate.path("_id").asText(), overlay + ": replica set name");
        List<String> members = new ArrayList<>();
        initiate.path("members").forEach(m -> members.add(m.path("host").asText()));
        assertEquals(List.of(shared.get("MONGODB_HOSTS").split(",")), members, overlay + ": members");
    }

    /** Members authenticate to each other with the key file of Secret mongodb-keyfile, copied to a private volume. */
    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void membersAuthenticateWithTheKeyFileOfItsSecret(String overlay) {
        Manifests manifests = Kustomize.overlay(overlay);
        PodSpec pod = manifests.get(StatefulSet.class, "mongodb").getSpec().getTemplate().getSpec();
        Container mongod = pod.getContainers().get(0);
        String keyFile = mongod.getArgs().stream().filter(a -> a.startsWith("--keyFile=")).findFirst()
                .orElseThrow(() -> new AssertionError(overlay + ": mongod has no --keyFile")).substring("--keyFile=".length());
        String dir = Paths.get(keyFile).getParent().toString();
        String volume = mongod.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(dir)).findFirst()
                .orElseThrow(() -> new AssertionError(overlay + ": nothing mounted at " + dir)).getName();
        Set<String> secretsCopied = new java.util.TreeSet<>();
        for (Container init : pod.getInitContainers()) {
            if (init.getVolumeMounts().stream().anyMatch(m -> m.getName().equals(volume) && !Boolean.TRUE.equals(m.getReadOnly()))) {
                init.getVolumeMounts().forEach(m -> WorkloadTest.volume(pod, m.getName())
                        .filter(v -> v.getSecret() != null).ifPresent(v -> secretsCopied.add(v.getSecret().getSecretName())));
                assertTrue(String.join(" ", init.getCommand()).contains("chmod 0400 " + keyFile), overlay + ": the key file is private");
            }
        }
        assertEquals(Set.of("mongodb-keyfile"), secretsCopied, overlay + ": where the key file comes from");
        assertTrue(Kustomize.documentedSecrets().find(Secret.class, "mongodb-keyfile").isPresent(), "create-secrets.sh makes mongodb-keyfile");
    }

    /** Runs the rendered script {@code runs} times over one stand-in state; the commands it sent, in order. */
    static JsonNode runInitScript(Manifests manifests, int runs) throws IOException {
        Job job = manifests.get(Job.class, "mongodb-init");
        var container = job.getSpec().getTemplate().getSpec().getContainers().get(0);
        Environment env = Environment.of("Job mongodb-init", container, manifests, Kustomize.secrets(manifests));
        assertEquals(List.of(), env.problems, "the Job's environment");
        String scriptName = container.getCommand().get(container.getCommand().size() - 1);
        String script = manifests.configMapData("mongodb-init-script").orElseThrow()
                .get(Paths.get(scriptName).getFileName().toString());
        assertTrue(script != null, "ConfigMap mongodb-init-script has no " + scriptName);
        Path dir = Files.createTempDirectory("mongodb-init");
        try {
            Path file = Files.writeString(dir.resolve("init.js"), script);
            Map<String, String> variables = new HashMap<>();
            env.values.forEach((k, v) -> variables.put(k, decoded(v, Kustomize.documentedSecrets())));
            variables.put("RUNS", String.valueOf(runs));
            Kustomize.Result result = Kustomize.run(List.of(node().toString(), standIn().toString(), file.toString()), variables);
            assertEquals(0, result.exitCode(), () -> "the init script failed:\n" + result.stderr());
            return Models.MAPPER.readTree(result.stdout());
        } finally {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    /** A value with its "<secret NAME/KEY>" placeholders replaced by what create-secrets.sh generated. */
    static String decoded(String value, Manifests secrets) {
        Matcher m = SECRET_VALUE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Secret secret = secrets.get(Secret.class, m.group(1));
            String data = secret.getData().get(m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8)));
        }
        m.appendTail(out);
        return out.toString();
    }

    static Path node() {
        return Stream.of("/usr/bin/node", "/usr/local/bin/node").map(Paths::get).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new AssertionError("Node.js (node) is not installed: it runs the MongoDB init script here"));
    }

    static Path standIn() {
        try {
            return Paths.get(MongoUsersTest.class.getClassLoader().getResource("mongosh/stand-in.js").toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new AssertionError("test resource mongosh/stand-in.js does not exist", e);
        }
    }
}
