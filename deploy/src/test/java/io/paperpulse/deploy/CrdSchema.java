package io.paperpulse.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The structural OpenAPI schema of a custom resource that has no Java model, read from its CRD in
 * src/test/resources/crds. A document is checked the way the API server prunes and validates it: an unknown
 * field (which the server would silently drop) is a problem, and so are a wrong type, a missing required
 * field, a value outside its enum, bounds, length or pattern. CEL rules are not evaluated.
 */
final class CrdSchema {

    private final String resource;
    private final JsonNode schema;

    private CrdSchema(String resource, JsonNode schema) {
        this.resource = resource;
        this.schema = schema;
    }

    /** The schema of the CRD's one version, by "apiVersion/kind" as the documents name it. */
    static Map.Entry<String, CrdSchema> load(String path) {
        try (InputStream in = CrdSchema.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new AssertionError("test resource " + path + " does not exist");
            }
            JsonNode crd = Models.MAPPER.readTree(in);
            JsonNode spec = crd.path("spec");
            JsonNode versions = spec.path("versions");
            if (versions.size() != 1) {
                throw new AssertionError(path + ": expected one version, got " + versions.size());
            }
            String key = spec.path("group").asText() + "/" + versions.get(0).path("name").asText() + "/"
                    + spec.path("names").path("kind").asText();
            return Map.entry(key, new CrdSchema(key, versions.get(0).path("schema").path("openAPIV3Schema")));
        } catch (IOException e) {
            throw new IllegalStateException(path, e);
        }
    }

    List<String> validate(JsonNode document) {
        List<String> problems = new ArrayList<>();
        validate(document, schema, resource, problems);
        return problems;
    }

    private static void validate(JsonNode value, JsonNode schema, String path, List<String> problems) {
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
            if (!value.isIntegralNumber() && !value.isTextual()) {
                problems.add(path + ": must be an integer or a string, got " + value);
            }
            return;
        }
        checkEnum(value, schema, path, problems);
        switch (schema.path("type").asText("")) {
            case "object" -> validateObject(value, schema, path, problems);
            case "array" -> validateArray(value, schema, path, problems);
            case "string" -> validateString(value, schema, path, problems);
            case "integer" -> validateNumber(value, value.isIntegralNumber(), schema, path, problems);
            case "number" -> validateNumber(value, value.isNumber(), schema, path, problems);
            case "boolean" -> {
                if (!value.isBoolean()) {
                    problems.add(path + ": must be a boolean, got " + value);
                }
            }
            default -> problems.add(path + ": the schema has no type this check knows (" + schema.path("type") + ")");
        }
    }

    private static void validateObject(JsonNode value, JsonNode schema, String path, List<String> problems) {
        if (!value.isObject()) {
            problems.add(path + ": must be an object, got " + value);
            return;
        }
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                problems.add(path + ": required field " + required.asText() + " is missing");
            }
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.path("additionalProperties");
        boolean preserveUnknown = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String childPath = path + "." + field.getKey();
            if (properties.has(field.getKey())) {
                validate(field.getValue(), properties.get(field.getKey()), childPath, problems);
            } else if (additional.isObject()) {
                validate(field.getValue(), additional, childPath, problems);
            } else if (!preserveUnknown && !additional.asBoolean(false) && !properties.isMissingNode()) {
                problems.add(childPath + ": unknown field (the API server would drop it)");
            }
        }
    }

    private static void validateArray(JsonNode value, JsonNode schema, String path, List<String> problems) {
        if (!value.isArray()) {
            problems.add(path + ": must be a list, got " + value);
            return;
        }
        if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
            problems.add(path + ": at most " + schema.get("maxItems").asInt() + " items");
        }
        if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
            problems.add(path + ": at least " + schema.get("minItems").asInt() + " items");
        }
        for (int i = 0; i < value.size(); i++) {
            validate(value.get(i), schema.path("items"), path + "[" + i + "]", problems);
        }
    }

    private static void validateString(JsonNode value, JsonNode schema, String path, List<String> problems) {
        if (!value.isTextual()) {
            problems.add(path + ": must be a string, got " + value);
            return;
        }
        String text = value.asText();
        if (schema.has("maxLength") && text.length() > schema.get("maxLength").asInt()) {
            problems.add(path + ": longer than " + schema.get("maxLength").asInt());
        }
        if (schema.has("minLength") && text.length() < schema.get("minLength").asInt()) {
            problems.add(path + ": shorter than " + schema.get("minLength").asInt());
        }
        if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(text).find()) {
            problems.add(path + ": '" + text + "' does not match " + schema.get("pattern").asText());
        }
    }

    private static void validateNumber(JsonNode value, boolean rightType, JsonNode schema, String path, List<String> problems) {
        if (!rightType) {
            problems.add(path + ": must be a " + schema.path("type").asText() + ", got " + value);
            return;
        }
        if (schema.has("minimum") && value.asDouble() < schema.get("minimum").asDouble()) {
            problems.add(path + ": below the minimum " + schema.get("minimum"));
        }
        if (schema.has("maximum") && value.asDouble() > schema.get("maximum").asDouble()) {
            problems.add(path + ": above the maximum " + schema.get("maximum"));
        }
    }

    private static void checkEnum(JsonNode value, JsonNode schema, String path, List<String> problems) {
        JsonNode allowed = schema.path("enum");
        if (!allowed.isArray()) {
            return;
        }
        for (JsonNode option : allowed) {
            if (option.equals(value)) {
                return;
            }
        }
        problems.add(path + ": " + value + " is not one of " + allowed);
    }
}
