package io.paperpulse.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;

/**
 * The environment a container gets, as the kubelet builds it: envFrom first, then env in order,
 * with $(NAME) expanded from what is defined before. Values from Secrets are unknown here
 * (the Secrets are not in the render: create-secrets.sh or Strimzi makes them) and appear as "<secret NAME/KEY>".
 */
final class Environment {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    final Map<String, String> values = new LinkedHashMap<>();
    final List<String> problems = new ArrayList<>();

    private Environment() {
    }

    static Environment of(String owner, Container container, Manifests manifests, Manifests knownSecrets) {
        Environment env = new Environment();
        String where = owner + " container " + container.getName();
        if (container.getEnvFrom() != null) {
            for (EnvFromSource from : container.getEnvFrom()) {
                String prefix = from.getPrefix() == null ? "" : from.getPrefix();
                if (from.getConfigMapRef() != null) {
                    String name = from.getConfigMapRef().getName();
                    var data = manifests.configMapData(name);
                    if (data.isEmpty()) {
                        env.problems.add(where + ": envFrom ConfigMap " + name + " is not in the render");
                    } else {
                        data.get().forEach((k, v) -> env.values.put(prefix + k, v));
                    }
                }
                if (from.getSecretRef() != null) {
                    String name = from.getSecretRef().getName();
                    var secret = knownSecrets.find(Secret.class, name);
                    if (secret.isEmpty()) {
                        env.problems.add(where + ": envFrom Secret " + name + " is made neither by create-secrets.sh nor by Strimzi");
                    } else {
                        secret.get().getData().keySet().forEach(k -> env.values.put(prefix + k, "<secret " + name + "/" + k + ">"));
                    }
                }
            }
        }
        if (container.getEnv() != null) {
            for (EnvVar var : container.getEnv()) {
                env.values.put(var.getName(), env.valueOf(where, var, manifests, knownSecrets));
            }
        }
        return env;
    }

    private String valueOf(String where, EnvVar var, Manifests manifests, Manifests knownSecrets) {
        if (var.getValueFrom() == null) {
            String value = var.getValue() == null ? "" : var.getValue();
            Matcher m = REFERENCE.matcher(value);
            StringBuilder expanded = new StringBuilder();
            while (m.find()) {
                String name = m.group(1);
                if (!values.containsKey(name)) {
                    problems.add(where + ": " + var.getName() + " refers to $(" + name + "), which is not defined before it");
                }
                m.appendReplacement(expanded, Matcher.quoteReplacement(values.getOrDefault(name, m.group())));
            }
            m.appendTail(expanded);
            return expanded.toString();
        }
        var from = var.getValueFrom();
        if (from.getConfigMapKeyRef() != null) {
            String name = from.getConfigMapKeyRef().getName();
            String key = from.getConfigMapKeyRef().getKey();
            var data = manifests.configMapData(name);
            if (data.isEmpty() || !data.get().containsKey(key)) {
                problems.add(where + ": " + var.getName() + " reads key " + key + " of ConfigMap " + name
                        + ", which the render does not have");
                return "";
            }
            return data.get().get(key);
        }
        if (from.getSecretKeyRef() != null) {
            String name = from.getSecretKeyRef().getName();
            String key = from.getSecretKeyRef().getKey();
            var secret = knownSecrets.find(Secret.class, name);
            if (secret.isEmpty() || secret.get().getData() == null || !secret.get().getData().containsKey(key)) {
                problems.add(where + ": " + var.getName() + " reads key " + key + " of Secret " + name
                        + ", which neither create-secrets.sh nor Strimzi makes");
            }
            return "<secret " + name + "/" + key + ">";
        }
        if (from.getFieldRef() != null) {
            return "<field " + from.getFieldRef().getFieldPath() + ">";
        }
        return "<resource>";
    }
}
