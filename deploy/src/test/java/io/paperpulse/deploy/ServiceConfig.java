package io.paperpulse.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service's src/main/resources/application.properties asks of its environment, as the
 * production profile sees it: keys of other profiles (%dev., %test.) are ignored, %prod. wins.
 */
final class ServiceConfig {

    static final List<String> SERVICES = List.of("ingest-service", "enrich-service", "query-service", "notify-service");

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    private static final Pattern CHANNEL = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.(.+)");
    private static final Pattern DLQ_NAME = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*\\.dlq");

    final String service;
    final Path file;
    /** Effective properties of the prod profile. */
    final Map<String, String> properties;

    private ServiceConfig(String service, Path file, Map<String, String> properties) {
        this.service = service;
        this.file = file;
        this.properties = properties;
    }

    static Path file(String service) {
        return Kustomize.PROJECT.resolve(service).resolve("src/main/resources/application.properties");
    }

    /** The service's configuration; a missing file fails the test that needs it. */
    static ServiceConfig load(String service) {
        Path file = Kustomize.requireFile(file(service));
        Properties raw = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            raw.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new ServiceConfig(service, file, effective(raw));
    }

    static Map<String, String> effective(Properties raw) {
        Map<String, String> effective = new TreeMap<>();
        for (String key : raw.stringPropertyNames()) {
            if (!key.startsWith("%")) {
                effective.putIfAbsent(key, raw.getProperty(key));
            } else if (key.startsWith("%prod.")) {
                effective.put(key.substring("%prod.".length()), raw.getProperty(key));
            }
        }
        return effective;
    }

    /** Upper-case names in ${NAME} / ${NAME:default} references: environment variables it reads. */
    Set<String> environmentVariables() {
        Set<String> names = new LinkedHashSet<>();
        for (String value : properties.values()) {
            Matcher m = ENV_REFERENCE.matcher(value);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /**
     * Kafka topics: each SmallRye channel's topics and dead-letter topic, any other "...topic(s)" property, and
     * any value naming a ".dlq" topic.
     */
    Set<String> topics() {
        Set<String> topics = new LinkedHashSet<>();
        properties.forEach((key, value) -> {
            if (!CHANNEL.matcher(key).matches() && (key.endsWith(".topic") || key.endsWith("-topic") || key.endsWith(".topics"))) {
                for (String topic : resolve(value).split(",")) {
                    if (!topic.isBlank()) {
                        topics.add(topic.trim());
                    }
                }
            }
            // raw, not resolved: a secret such as ${PAPERPULSE_INGEST_KEY} has no default to resolve to
            for (String token : value.split("[,\\s]+")) {
                if (DLQ_NAME.matcher(token).matches()) {
                    topics.add(token);
                }
            }
        });
        channels().values().forEach(attributes -> {
            topics.addAll(channelTopics(attributes));
            String dlq = deadLetterTopic(attributes);
            if (dlq != null) {
                topics.add(dlq);
            }
        });
        return topics;
    }

    /**
     * The SmallRye Kafka channels with fixed topics (not patterns): name -> attributes, plus "@name" and
     * "@direction" (incoming or outgoing).
     */
    Map<String, Map<String, String>> channels() {
        Map<String, Map<String, String>> channels = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            Matcher m = CHANNEL.matcher(key);
            if (m.matches()) {
                Map<String, String> attributes = channels.computeIfAbsent(m.group(2), c -> new LinkedHashMap<>());
                attributes.put(m.group(3), value);
                attributes.put("@name", m.group(2));
                attributes.put("@direction", m.group(1));
            }
        });
        channels.values().removeIf(a -> !a.getOrDefault("connector", "smallrye-kafka").equals("smallrye-kafka")
                || "true".equals(a.get("pattern")));
        return channels;
    }

    /** A channel's topics: "topics", else "topic", else the channel's name. */
    List<String> channelTopics(Map<String, String> attributes) {
        List<String> topics = new ArrayList<>();
        if (attributes.containsKey("topics")) {
            for (String t : resolve(attributes.get("topics")).split(",")) {
                topics.add(t.trim());
            }
        } else {
            topics.add(resolve(attributes.getOrDefault("topic", attributes.get("@name"))));
        }
        return topics;
    }

    /** With failure-strategy=dead-letter-queue: its topic (SmallRye's default "dead-letter-topic-TOPIC"), else null. */
    String deadLetterTopic(Map<String, String> attributes) {
        if (!"dead-letter-queue".equals(resolve(attributes.getOrDefault("failure-strategy", "")))) {
            return null;
        }
        String dlq = attributes.get("dead-letter-queue.topic");
        return dlq != null ? resolve(dlq) : "dead-letter-topic-" + channelTopics(attributes).get(0);
    }

    /** The HTTP port the service listens on, given the environment its container gets. */
    int httpPort(Map<String, String> environment) {
        String value = properties.get("quarkus.http.port");
        if (value == null) {
            return 8080;
        }
        return Integer.parseInt(resolve(value, environment));
    }

    static String resolve(String value) {
        return resolve(value, Map.of());
    }

    /** Resolves ${NAME:default} and ${NAME} from the given environment, else from the default. */
    static String resolve(String value, Map<String, String> environment) {
        String current = value.trim();
        for (int guard = 0; guard < 10 && current.contains("${"); guard++) {
            int start = current.lastIndexOf("${");
            int end = current.indexOf('}', start);
            if (end < 0) {
                break;
            }
            String expression = current.substring(start + 2, end);
            int colon = expression.indexOf(':');
            String name = colon < 0 ? expression : expression.substring(0, colon);
            String fallback = colon < 0 ? null : expression.substring(colon + 1);
            String replacement = environment.containsKey(name) ? environment.get(name) : fallback;
            if (replacement == null) {
                throw new IllegalArgumentException("${" + name + "} has no default and is not set, in: " + value);
            }
            current = current.substring(0, start) + replacement + current.substring(end + 1);
        }
        return current;
    }
}
