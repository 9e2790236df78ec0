package io.paperpulse.deploy;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

/**
 * Typed parsing of rendered manifests. Each (apiVersion, kind) maps to one fabric8 or Strimzi model
 * class; anything else is an error. The models keep unknown fields in "additionalProperties" instead
 * of failing, so {@link #unknownFields} walks the parsed object graph and reports every such field,
 * and every Strimzi property marked deprecated (those were removed from kafka.strimzi.io/v1).
 * A custom resource without a Java model ({@link #SCHEMAS}) is checked against its CRD's schema instead.
 */
final class Models {

    static final Map<String, Class<? extends HasMetadata>> KINDS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("apps/v1/StatefulSet", StatefulSet.class),
            Map.entry("batch/v1/Job", Job.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("gateway.networking.k8s.io/v1/Gateway", Gateway.class),
            Map.entry("gateway.networking.k8s.io/v1/HTTPRoute", HTTPRoute.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", KafkaUser.class));

    static final ObjectMapper MAPPER = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .build();

    /** Custom resources without a Java model: checked against the schema of their CRD instead. */
    static final Map<String, CrdSchema> SCHEMAS = Map.ofEntries(
            CrdSchema.load("crds/gateway.envoyproxy.io_backendtrafficpolicies.yaml"));

    private Models() {
    }

    static Class<? extends HasMetadata> modelFor(JsonNode document) {
        String key = key(document);
        if (SCHEMAS.containsKey(key)) {
            return GenericKubernetesResource.class;
        }
        Class<? extends HasMetadata> type = KINDS.get(key);
        if (type == null) {
            throw new IllegalArgumentException("no typed model for " + key + " (known: " + KINDS.keySet() + ", "
                    + SCHEMAS.keySet() + ")");
        }
        return type;
    }

    static String key(JsonNode document) {
        return document.path("apiVersion").asText() + "/" + document.path("kind").asText();
    }

    /** What the typed model (or the CRD schema) does not accept in the document it was parsed from. */
    static List<String> problems(JsonNode document, HasMetadata model) {
        CrdSchema schema = SCHEMAS.get(key(document));
        return schema != null ? schema.validate(document) : unknownFields(model);
    }

    /** Paths of fields the typed model did not know, and of deprecated Strimzi properties in use. */
    static List<String> unknownFields(Object model) {
        List<String> problems = new ArrayList<>();
        walk(model, model.getClass().getSimpleName(), problems);
        return problems;
    }

    private static void walk(Object value, String path, List<String> problems) {
        if (value == null) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, problems));
            return;
        }
        if (value instanceof Collection<?> collection) {
            int i = 0;
            for (Object element : collection) {
                walk(element, path + "[" + i++ + "]", problems);
            }
            return;
        }
        Class<?> type = value.getClass();
        boolean strimzi = type.getName().startsWith("io.strimzi.");
        if (type.isEnum() || !(strimzi || type.getName().startsWith("io.fabric8."))) {
            return;
        }
        BeanDescription description = MAPPER.getSerializationConfig().introspect(MAPPER.constructType(type));
        AnnotatedMember anyGetter = description.findAnyGetter();
        if (anyGetter != null && anyGetter.getValue(value) instanceof Map<?, ?> extra && !extra.isEmpty()) {
            problems.add(path + ": unknown field(s) " + extra.keySet());
        }
        for (BeanPropertyDefinition property : description.findProperties()) {
            AnnotatedMember accessor = property.getAccessor();
            if (accessor == null) {
                continue;
            }
            Object child = accessor.getValue(value);
            String childPath = path + "." + property.getName();
            if (strimzi && isSet(child) && deprecated(property)) {
                problems.add(childPath + ": deprecated in the Strimzi API (not part of kafka.strimzi.io/v1)");
            }
            walk(child, childPath, problems);
        }
    }

    private static boolean isSet(Object value) {
        return value != null && !Boolean.FALSE.equals(value) && !(value instanceof Number n && n.doubleValue() == 0);
    }

    private static boolean deprecated(BeanPropertyDefinition property) {
        for (AnnotatedMember member : new AnnotatedMember[] {property.getGetter(), property.getField(), property.getSetter()}) {
            AnnotatedElement element = member == null ? null : member.getAnnotated();
            if (element != null && element.isAnnotationPresent(Deprecated.class)) {
                return true;
            }
        }
        return false;
    }
}
