package io.paperpulse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPPathMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;

/**
 * The Gateway: HTTPS only (plain HTTP just redirects), POST /digests to ingest-service and rate limited, the
 * query-service resources to query-service, and nothing under /q/ (health, metrics, OpenAPI) from outside.
 */
class GatewayTest {

    static final String GATEWAY_CLASS = "eg";
    private static final Pattern PATH = Pattern.compile("@Path\\(\"([^\"]+)\"\\)");
    private static final Pattern CLASS_DECLARATION = Pattern.compile("(?m)^(public\\s+|final\\s+|abstract\\s+)*class\\s");

    static Gateway gateway(Manifests manifests) {
        List<Gateway> gateways = manifests.all(Gateway.class);
        assertEquals(1, gateways.size(), "one Gateway");
        return gateways.get(0);
    }

    static Listener listener(Gateway gateway, String name) {
        return gateway.getSpec().getListeners().stream().filter(l -> l.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("the Gateway has no listener " + name));
    }

    /** "METHOD TYPE PATH" -> backend Service, over every route that has backends. */
    static Map<String, String> routeTable(Manifests manifests) {
        Map<String, String> table = new TreeMap<>();
        for (HTTPRoute route : manifests.all(HTTPRoute.class)) {
            for (HTTPRouteRule rule : route.getSpec().getRules()) {
                if (rule.getBackendRefs() == null || rule.getBackendRefs().isEmpty()) {
                    continue;
                }
                assertEquals(1, rule.getBackendRefs().size(), route.getMetadata().getName() + ": one backend per rule");
                var backend = rule.getBackendRefs().get(0);
                Service service = manifests.get(Service.class, backend.getName());
                assertTrue(service.getSpec().getPorts().stream().anyMatch(p -> p.getPort().equals(backend.getPort())),
                        "Service " + backend.getName() + " has port " + backend.getPort());
                for (HTTPRouteMatch match : matches(rule)) {
                    String key = Optional.ofNullable(match.getMethod()).orElse("*") + " " + path(match).getType()
                            + " " + path(match).getValue();
                    assertNull(table.put(key, backend.getName()), "duplicate match " + key);
                    assertTrue(match.getHeaders() == null || match.getHeaders().isEmpty(), key + ": no header matches");
                }
            }
        }
        return table;
    }

    /** A rule without matches matches every request (PathPrefix /). */
    static List<HTTPRouteMatch> matches(HTTPRouteRule rule) {
        return rule.getMatches() == null || rule.getMatches().isEmpty() ? List.of(new HTTPRouteMatch()) : rule.getMatches();
    }

    static HTTPPathMatch path(HTTPRouteMatch match) {
        HTTPPathMatch path = match.getPath() == null ? new HTTPPathMatch() : match.getPath();
        return new HTTPPathMatch(Optional.ofNullable(path.getType()).orElse("PathPrefix"), Optional.ofNullable(path.getValue()).orElse("/"));
    }

    /** The roots of query-service's REST resources: each class-level @Path in its main sources. */
    static Set<String> queryResourceRoots() throws IOException {
        Path sources = Kustomize.PROJECT.resolve("query-service/src/main/java");
        assertTrue(Files.isDirectory(sources), sources + " does not exist: this test needs it");
        Set<String> roots = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Matcher declaration = CLASS_DECLARATION.matcher(text);
                if (!declaration.find()) {
                    continue;
                }
                Matcher path = PATH.matcher(text.substring(0, declaration.start()));
                while (path.find()) {
                    roots.add(path.group(1));
                }
            }
        }
        assertTrue(!roots.isEmpty(), "no @Path resource found in " + sources);
        return roots;
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void postDigestsGoesToIngestAndEachQueryResourceToQueryForGetOnly(String overlay) throws IOException {
        Map<String, String> expected = new TreeMap<>();
        expected.put("POST Exact /digests", "ingest-service");
        for (String root : queryResourceRoots()) {
            expected.put("GET PathPrefix " + root, "query-service");
        }
        // every method: notify-service checks the notify key or the subscription's token itself
        expected.put("* PathPrefix /subscriptions", "notify-service");
        assertEquals(expected, routeTable(Kustomize.overlay(overlay)), overlay + ": the route table (query-service's resources: "
                + "the class-level @Path values in its sources)");
    }

    /** Health, metrics, OpenAPI and Swagger UI live under /q/: no match of any route may reach them. */
    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void noRouteReachesTheQuarkusEndpoints(String overlay) {
        List<String> problems = new ArrayList<>();
        for (HTTPRoute route : Kustomize.overlay(overlay).all(HTTPRoute.class)) {
            for (HTTPRouteRule rule : route.getSpec().getRules()) {
                if (rule.getBackendRefs() == null || rule.getBackendRefs().isEmpty()) {
                    continue;
                }
                for (HTTPRouteMatch match : matches(rule)) {
                    if (mayMatchQuarkusPath(path(match))) {
                        problems.add(route.getMetadata().getName() + ": " + path(match).getType() + " " + path(match).getValue()
                                + " can match /q/...");
                    }
                }
            }
        }
        assertEquals(List.of(), problems, "overlay " + overlay);
    }

    static boolean mayMatchQuarkusPath(HTTPPathMatch path) {
        String value = path.getValue();
        String firstSegment = value.replaceFirst("^/+", "").split("/", -1)[0];
        return switch (path.getType()) {
            case "Exact" -> firstSegment.equals("q");
            case "PathPrefix" -> firstSegment.isEmpty() || firstSegment.equals("q");
            default -> true; // a regular expression: not provably outside /q/
        };
    }

    @Test
    void theQuarkusPathRuleCatchesEveryWayIn() {
        assertTrue(mayMatchQuarkusPath(new HTTPPathMatch("PathPrefix", "/")));
        assertTrue(mayMatchQuarkusPath(new HTTPPathMatch("PathPrefix", "/q")));
        assertTrue(mayMatchQuarkusPath(new HTTPPathMatch("Exact", "/q/metrics")));
        assertTrue(mayMatchQuarkusPath(new HTTPPathMatch("RegularExpression", "/papers.*")));
        assertTrue(!mayMatchQuarkusPath(new HTTPPathMatch("PathPrefix", "/papers")));
        assertTrue(!mayMatchQuarkusPath(new HTTPPathMatch("PathPrefix", "/quotes")));
        assertTrue(!mayMatchQuarkusPath(new HTTPPathMatch("Exact", "/digests")));
    }

    /**
     * Every route names the listener it attaches to. A backend is reachable only on a listener that terminates TLS
     * with a certificate from a kubernetes.io/tls Secret; a plain-HTTP listener carries only redirects to https.
     */
    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyListenerServesTlsOrOnlyRedirectsToIt(String overlay) {
        Manifests manifests = Kustomize.overlay(overlay);
        Gateway gateway = gateway(manifests);
        assertEquals(GATEWAY_CLASS, gateway.getSpec().getGatewayClassName(), "Envoy Gateway: its BackendTrafficPolicy limits POST /digests");
        List<String> problems = new ArrayList<>();
        Set<String> redirected = new TreeSet<>();
        for (HTTPRoute route : manifests.all(HTTPRoute.class)) {
            String name = route.getMetadata().getName();
            for (ParentReference parent : route.getSpec().getParentRefs()) {
                if (!parent.getName().equals(gateway.getMetadata().getName()) || parent.getSectionName() == null) {
                    problems.add(name + ": must attach to a named listener of Gateway " + gateway.getMetadata().getName());
                    continue;
                }
                Listener listener = listener(gateway, parent.getSectionName());
                if ("HTTPS".equals(listener.getProtocol())) {
                    continue;
                }
                for (HTTPRouteRule rule : route.getSpec().getRules()) {
                    if (onlyRedirectsToHttps(rule)) {
                        redirected.add(listener.getName());
                    } else {
                        problems.add(name + ": serves on the " + listener.getProtocol() + " listener " + listener.getName()
                                + " instead of redirecting to https");
                    }
                }
            }
        }
        Manifests secrets = Kustomize.documentedSecrets();
        for (Listener listener : gateway.getSpec().getListeners()) {
            switch (listener.getProtocol()) {
                case "HTTPS" -> problems.addAll(tlsProblems(listener, secrets));
                case "HTTP" -> {
                    if (!redirected.contains(listener.getName())) {
                        problems.add("listener " + listener.getName() + ": plain HTTP without a redirect to https");
                    }
                }
                default -> problems.add("listener " + listener.getName() + ": protocol " + listener.getProtocol());
            }
        }
        assertTrue(gateway.getSpec().getListeners().stream().anyMatch(l -> "HTTPS".equals(l.getProtocol())), "an HTTPS listener");
        assertEquals(List.of(), problems, "overlay " + overlay);
    }

    static boolean onlyRedirectsToHttps(HTTPRouteRule rule) {
        List<HTTPRouteFilter> filters = Optional.ofNullable(rule.getFilters()).orElse(List.of());
        return (rule.getBackendRefs() == null || rule.getBackendRefs().isEmpty()) && filters.size() == 1
                && "RequestRedirect".equals(filters.get(0).getType()) && "https".equals(filters.get(0).getRequestRedirect().getScheme())
                && filters.get(0).getRequestRedirect().getPort() == null;
    }

    static List<String> tlsProblems(Listener listener, Manifests secrets) {
        List<String> problems = new ArrayList<>();
        String where = "listener " + listener.getName();
        var tls = listener.getTls();
        if (tls == null || !"Terminate".equals(Optional.ofNullable(tls.getMode()).orElse("Terminate"))
                || tls.getCertificateRefs() == null || tls.getCertificateRefs().isEmpty()) {
            problems.add(where + ": HTTPS must terminate TLS with a certificate");
            return problems;
        }
        for (var ref : tls.getCertificateRefs()) {
            boolean secretKind = Optional.ofNullable(ref.getKind()).orElse("Secret").equals("Secret")
                    && Optional.ofNullable(ref.getGroup()).orElse("").isEmpty() && ref.getNamespace() == null;
            Optional<Secret> secret = secrets.find(Secret.class, ref.getName());
            if (!secretKind || secret.isEmpty() || !"kubernetes.io/tls".equals(secret.get().getType())) {
                problems.add(where + ": certificate " + ref.getName() + " must be a kubernetes.io/tls Secret of the namespace, "
                        + "as create-secrets.sh makes it");
            }
        }
        return problems;
    }

    /** Envoy Gateway limits exactly the route of POST /digests, and that route carries nothing else. */
    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void postDigestsIsRateLimited(String overlay) {
        Manifests manifests = Kustomize.overlay(overlay);
        List<GenericKubernetesResource> policies = manifests.all(GenericKubernetesResource.class).stream()
                .filter(r -> "BackendTrafficPolicy".equals(r.getKind())).toList();
        Set<String> limited = new TreeSet<>();
        for (GenericKubernetesResource policy : policies) {
            Map<String, Object> spec = policy.get("spec");
            List<Map<String, Object>> targets = policy.get("spec", "targetRefs");
            for (Map<String, Object> target : targets) {
                assertEquals("gateway.networking.k8s.io", target.get("group"), policy.getMetadata().getName() + ": target group");
                assertEquals("HTTPRoute", target.get("kind"), policy.getMetadata().getName() + ": target kind");
                limited.add((String) target.get("name"));
            }
            List<Map<String, Object>> rules = policy.get("spec", "rateLimit", "local", "rules");
            assertTrue(spec.containsKey("rateLimit") && rules != null && !rules.isEmpty(), policy.getMetadata().getName() + ": local rate limit rules");
            for (Map<String, Object> rule : rules) {
                assertNull(rule.get("clientSelectors"), "every request counts, whoever sends it");
                @SuppressWarnings("unchecked")
                Map<String, Object> limit = (Map<String, Object>) rule.get("limit");
                assertTrue(((Number) limit.get("requests")).longValue() > 0, "a limit above zero");
            }
        }
        HTTPRoute ingest = manifests.all(HTTPRoute.class).stream()
                .filter(r -> r.getSpec().getRules().stream().anyMatch(rule -> rule.getBackendRefs() != null
                        && rule.getBackendRefs().stream().anyMatch(b -> b.getName().equals("ingest-service"))))
                .findFirst().orElseThrow(() -> new AssertionError("no route to ingest-service"));
        assertEquals(Set.of(ingest.getMetadata().getName()), limited, overlay + ": the rate-limited routes");
        Set<String> ingestMatches = new TreeSet<>();
        ingest.getSpec().getRules().forEach(rule -> matches(rule).forEach(m -> ingestMatches.add(m.getMethod() + " " + path(m).getValue())));
        assertEquals(Set.of("POST /digests"), ingestMatches, overlay + ": the limited route carries POST /digests only");
    }
}
