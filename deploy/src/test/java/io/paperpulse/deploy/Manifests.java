package io.paperpulse.deploy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

/** One render, every document parsed into its typed model; parse problems are kept, not thrown. */
final class Manifests {

    /** A parsed document, or why it could not be parsed into a typed model without loss. */
    record Document(int index, JsonNode tree, HasMetadata model, List<String> problems) {
        String describe() {
            return "document " + index + " (" + tree.path("kind").asText("?") + " "
                    + tree.path("metadata").path("name").asText("?") + ")";
        }
    }

    /** A pod template together with what owns it. */
    record Workload(String kind, String name, Integer replicas, PodTemplateSpec template) {
        String describe() {
            return kind + " " + name;
        }
    }

    final String source;
    final List<Document> documents;

    private Manifests(String source, List<Document> documents) {
        this.source = source;
        this.documents = documents;
    }

    static Manifests parse(String source, String yaml) {
        List<Document> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = Models.MAPPER.readerFor(JsonNode.class).readValues(yaml)) {
            int index = 0;
            while (it.hasNextValue()) {
                JsonNode tree = it.nextValue();
                if (tree == null || tree.isNull() || tree.isEmpty()) {
                    continue;
                }
                documents.add(toDocument(index++, tree));
            }
        } catch (IOException e) {
            throw new IllegalStateException(source + ": not valid YAML", e);
        }
        return new Manifests(source, documents);
    }

    private static Document toDocument(int index, JsonNode tree) {
        List<String> problems = new ArrayList<>();
        HasMetadata model = null;
        try {
            model = Models.MAPPER.treeToValue(tree, Models.modelFor(tree));
            problems.addAll(Models.problems(tree, model));
        } catch (IOException | IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        return new Document(index, tree, model, problems);
    }

    Stream<HasMetadata> models() {
        return documents.stream().map(Document::model).filter(m -> m != null);
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return models().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(m -> name.equals(m.getMetadata().getName())).findFirst();
    }

    <T extends HasMetadata> T get(Class<T> type, String name) {
        return find(type, name).orElseThrow(() -> new AssertionError(
                source + ": no " + type.getSimpleName() + " named " + name));
    }

    /** The data of a rendered ConfigMap, by the name a workload refers to (with its hash suffix). */
    Optional<Map<String, String>> configMapData(String name) {
        return find(ConfigMap.class, name).map(c -> c.getData() == null ? Map.of() : c.getData());
    }

    /** The ConfigMap that a generator made from {@code generatorName} (name plus optional hash suffix). */
    ConfigMap generatedConfigMap(String generatorName) {
        return all(ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().equals(generatorName)
                        || c.getMetadata().getName().matches(java.util.regex.Pattern.quote(generatorName) + "-[a-z0-9]{10}"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(source + ": no ConfigMap generated as " + generatorName));
    }

    List<Workload> workloads() {
        List<Workload> workloads = new ArrayList<>();
        all(Deployment.class).forEach(d -> workloads.add(new Workload("Deployment", d.getMetadata().getName(),
                d.getSpec().getReplicas(), d.getSpec().getTemplate())));
        all(StatefulSet.class).forEach(s -> workloads.add(new Workload("StatefulSet", s.getMetadata().getName(),
                s.getSpec().getReplicas(), s.getSpec().getTemplate())));
        all(Job.class).forEach(j -> workloads.add(new Workload("Job", j.getMetadata().getName(),
                null, j.getSpec().getTemplate())));
        return workloads;
    }

    Map<String, Workload> workloadsByName() {
        Map<String, Workload> byName = new LinkedHashMap<>();
        workloads().forEach(w -> byName.put(w.name(), w));
        return byName;
    }
}
