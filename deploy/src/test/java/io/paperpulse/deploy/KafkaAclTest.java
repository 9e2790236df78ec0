package io.paperpulse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleType;

/**
 * One KafkaUser per service, and its ACLs are exactly the least privilege of the design: read (and describe) the
 * topics it consumes with its consumer groups, write (and describe) the topics it produces and its dead letters.
 * Each ACL entry is written "allow OPERATION on KIND:PATTERN:NAME".
 */
class KafkaAclTest {

    static final Map<String, Set<String>> LEAST_PRIVILEGE = Map.of(
            "ingest-service", union(
                    consumes("digests.raw"), group("literal", "ingest-service"),
                    produces("papers.parsed"), produces("digests.raw.dlq")),
            "enrich-service", union(
                    consumes("papers.parsed"), group("prefix", "enrich-v"),
                    produces("papers.enriched"), produces("papers.parsed.dlq")),
            // papers.merged: the changelog query-service writes and each replica reads back from the start, either
            // by assignment (no group) or with a group of its own per pod (query-index-<pod>).
            "query-service", union(
                    consumes("papers.enriched"), group("literal", "query-service"),
                    produces("papers.enriched.dlq"),
                    consumes("papers.merged"), produces("papers.merged"), group("prefix", "query-index-")),
            // notify-service matches every new or changed paper of the changelog once, in a group of its own.
            "notify-service", union(consumes("papers.merged"), group("literal", "notify-service")));

    private static final Pattern ENTRY = Pattern.compile("allow (\\w+) on (topic|group):(literal|prefix):(.+)");

    static Set<String> consumes(String topic) {
        return Set.of(entry("Read", "topic", "literal", topic), entry("Describe", "topic", "literal", topic));
    }

    static Set<String> produces(String topic) {
        return Set.of(entry("Write", "topic", "literal", topic), entry("Describe", "topic", "literal", topic));
    }

    static Set<String> group(String pattern, String name) {
        return Set.of(entry("Read", "group", pattern, name));
    }

    static String entry(String operation, String kind, String pattern, String name) {
        return "allow " + operation + " on " + kind + ":" + pattern + ":" + name;
    }

    @SafeVarargs
    static Set<String> union(Set<String>... sets) {
        Set<String> all = new TreeSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return all;
    }

    /** The ACL entries of a KafkaUser, one per operation; anything but allow on a topic or group is written out as is. */
    static Set<String> entries(KafkaUser user) {
        Set<String> entries = new TreeSet<>();
        if (!(user.getSpec().getAuthorization() instanceof KafkaUserAuthorizationSimple simple)) {
            entries.add("authorization " + user.getSpec().getAuthorization());
            return entries;
        }
        for (AclRule rule : simple.getAcls()) {
            String kind;
            String pattern;
            String name;
            if (rule.getResource() instanceof AclRuleTopicResource topic) {
                kind = "topic";
                pattern = topic.getPatternType() == null ? "literal" : topic.getPatternType().toValue();
                name = topic.getName();
            } else if (rule.getResource() instanceof AclRuleGroupResource group) {
                kind = "group";
                pattern = group.getPatternType() == null ? "literal" : group.getPatternType().toValue();
                name = group.getName();
            } else {
                kind = rule.getResource().getType();
                pattern = "-";
                name = String.valueOf(rule.getResource());
            }
            String type = rule.getType() == null || rule.getType() == AclRuleType.ALLOW ? "allow" : "deny";
            String host = rule.getHost() == null || rule.getHost().equals("*") ? "" : " from " + rule.getHost();
            for (AclOperation operation : rule.getOperations()) {
                entries.add(type + " " + capitalized(operation.toValue()) + " on " + kind + ":" + pattern + ":" + name + host);
            }
        }
        return entries;
    }

    private static String capitalized(String operation) {
        return operation.substring(0, 1).toUpperCase() + operation.substring(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyKafkaUserHasExactlyTheLeastPrivilegeAcls(String overlay) {
        Manifests manifests = Kustomize.overlay(overlay);
        String cluster = KafkaTest.kafka(manifests).getMetadata().getName();
        Map<String, Set<String>> actual = new TreeMap<>();
        for (KafkaUser user : manifests.all(KafkaUser.class)) {
            assertEquals(cluster, user.getMetadata().getLabels().get("strimzi.io/cluster"),
                    "KafkaUser " + user.getMetadata().getName() + " must name its cluster");
            assertEquals("scram-sha-512", user.getSpec().getAuthentication().getType(),
                    "KafkaUser " + user.getMetadata().getName() + ": the listener's mechanism");
            actual.put(user.getMetadata().getName(), entries(user));
        }
        assertEquals(new TreeMap<>(LEAST_PRIVILEGE), actual, overlay + ": the KafkaUsers and their ACLs");
    }

    /**
     * What a service's application.properties consume, produce, dead-letter to and join as a group is allowed by
     * its ACLs: a channel or group added to a service without its ACL fails here, not at its first start.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "enrich-service", "query-service", "notify-service"})
    void theAclsAllowWhatApplicationPropertiesUse(String service) {
        ServiceConfig config = ServiceConfig.load(service);
        Set<String> allowed = entries(Kustomize.overlay("local").get(KafkaUser.class, service));
        List<String> missing = new ArrayList<>();
        config.channels().forEach((channel, attributes) -> {
            boolean incoming = attributes.get("@direction").equals("incoming");
            List<String> needed = new ArrayList<>();
            for (String topic : config.channelTopics(attributes)) {
                needed.add(entry(incoming ? "Read" : "Write", "topic", "literal", topic));
            }
            String dlq = config.deadLetterTopic(attributes);
            if (dlq != null) {
                needed.add(entry("Write", "topic", "literal", dlq));
            }
            if (incoming && attributes.containsKey("group.id")) {
                needed.add(entry("Read", "group", "literal", ServiceConfig.resolve(attributes.get("group.id"))));
            }
            needed.stream().filter(n -> !allows(allowed, n)).forEach(n -> missing.add(channel + ": " + n));
        });
        assertEquals(List.of(), missing, service + ": used in " + config.file + " but not allowed by its KafkaUser");
    }

    /** An entry is allowed by the same entry, or by a prefix entry of the same operation and kind. */
    static boolean allows(Set<String> allowed, String needed) {
        Matcher n = ENTRY.matcher(needed);
        assertTrue(n.matches(), needed);
        return allowed.stream().map(ENTRY::matcher).filter(Matcher::matches).anyMatch(a -> a.group(1).equals(n.group(1))
                && a.group(2).equals(n.group(2))
                && (a.group(3).equals("literal") ? a.group(4).equals(n.group(4)) : n.group(4).startsWith(a.group(4))));
    }

    @Test
    void aPrefixAclAllowsOnlyNamesItPrefixes() {
        Set<String> allowed = group("prefix", "enrich-v");
        assertTrue(allows(allowed, entry("Read", "group", "literal", "enrich-v7")));
        assertTrue(!allows(allowed, entry("Read", "group", "literal", "enrich")));
        assertTrue(!allows(allowed, entry("Write", "group", "literal", "enrich-v7")));
        assertTrue(!allows(produces("papers.parsed"), entry("Read", "topic", "literal", "papers.parsed")));
    }
}
