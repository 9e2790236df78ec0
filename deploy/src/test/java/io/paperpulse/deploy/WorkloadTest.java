package io.paperpulse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/** Probes, resources, security context, images, and the shape that quarkus-kubernetes generates. */
class WorkloadTest {

    static final Map<String, String> QUARKUS_PROBES = Map.of(
            "liveness", "/q/health/live", "readiness", "/q/health/ready", "startup", "/q/health/started");

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyLongRunningContainerHasTheThreeProbesOnPortsItDeclares(String overlay) {
        List<String> problems = new ArrayList<>();
        for (Manifests.Workload w : Kustomize.overlay(overlay).workloads()) {
            if (w.kind().equals("Job")) {
                continue;
            }
            for (Container c : w.template().getSpec().getContainers()) {
                String where = w.describe() + " container " + c.getName();
                probes(c).forEach((kind, probe) -> {
                    if (probe == null) {
                        problems.add(where + ": no " + kind + " probe");
                    } else {
                        probePort(probe).filter(p -> p.getStrVal() != null)
                                .filter(port -> c.getPorts() == null || c.getPorts().stream().noneMatch(p -> port.getStrVal().equals(p.getName())))
                                .ifPresent(port -> problems.add(where + ": " + kind + " probe uses port " + port.getStrVal()
                                        + ", which the container does not declare"));
                    }
                });
            }
        }
        assertEquals(List.of(), problems, "overlay " + overlay);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyContainerHasRequestsAndLimitsWithinThem(String overlay) {
        List<String> problems = new ArrayList<>();
        for (Manifests.Workload w : Kustomize.overlay(overlay).workloads()) {
            for (Container c : allContainers(w.template().getSpec())) {
                String where = w.describe() + " container " + c.getName();
                var resources = c.getResources();
                for (String resource : List.of("cpu", "memory")) {
                    Quantity request = resources == null || resources.getRequests() == null ? null : resources.getRequests().get(resource);
                    Quantity limit = resources == null || resources.getLimits() == null ? null : resources.getLimits().get(resource);
                    if (request == null || limit == null) {
                        problems.add(where + ": " + resource + " request and limit required");
                    } else if (amount(request).compareTo(amount(limit)) > 0) {
                        problems.add(where + ": " + resource + " request " + request + " above limit " + limit);
                    }
                }
            }
        }
        assertEquals(List.of(), problems, "overlay " + overlay);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyContainerRunsNonRootOnAReadOnlyRootFilesystemWithAWritableTmp(String overlay) {
        List<String> problems = new ArrayList<>();
        for (Manifests.Workload w : Kustomize.overlay(overlay).workloads()) {
            PodSpec pod = w.template().getSpec();
            PodSecurityContext podContext = Optional.ofNullable(pod.getSecurityContext()).orElse(new PodSecurityContext());
            if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
                problems.add(w.describe() + ": mounts a service account token it does not need");
            }
            if (Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID())) {
                problems.add(w.describe() + ": uses the host's namespaces");
            }
            for (Container c : allContainers(pod)) {
                String where = w.describe() + " container " + c.getName();
                SecurityContext sc = Optional.ofNullable(c.getSecurityContext()).orElse(new SecurityContext());
                Boolean nonRoot = sc.getRunAsNonRoot() != null ? sc.getRunAsNonRoot() : podContext.getRunAsNonRoot();
                Long user = sc.getRunAsUser() != null ? sc.getRunAsUser() : podContext.getRunAsUser();
                if (!Boolean.TRUE.equals(nonRoot) || Long.valueOf(0).equals(user)) {
                    problems.add(where + ": runAsNonRoot must be true (and runAsUser not 0)");
                }
                if (!Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
                    problems.add(where + ": readOnlyRootFilesystem must be true");
                }
                if (!Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation()) || Boolean.TRUE.equals(sc.getPrivileged())) {
                    problems.add(where + ": allowPrivilegeEscalation must be false, not privileged");
                }
                if (sc.getCapabilities() == null || sc.getCapabilities().getDrop() == null
                        || !sc.getCapabilities().getDrop().contains("ALL")
                        || (sc.getCapabilities().getAdd() != null && !sc.getCapabilities().getAdd().isEmpty())) {
                    problems.add(where + ": must drop ALL capabilities and add none");
                }
                var seccomp = sc.getSeccompProfile() != null ? sc.getSeccompProfile() : podContext.getSeccompProfile();
                if (seccomp == null || !"RuntimeDefault".equals(seccomp.getType())) {
                    problems.add(where + ": seccompProfile RuntimeDefault required");
                }
                boolean writableTmp = c.getVolumeMounts() != null && c.getVolumeMounts().stream()
                        .filter(m -> "/tmp".equals(m.getMountPath()) && !Boolean.TRUE.equals(m.getReadOnly()))
                        .anyMatch(m -> volume(pod, m.getName()).map(v -> v.getEmptyDir() != null).orElse(false));
                boolean isInit = pod.getInitContainers() != null && pod.getInitContainers().contains(c);
                if (!writableTmp && !isInit) {
                    problems.add(where + ": needs an emptyDir mounted writable at /tmp (root filesystem is read-only)");
                }
            }
        }
        assertEquals(List.of(), problems, "overlay " + overlay);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyImageIsPinned(String overlay) {
        List<String> problems = new ArrayList<>();
        for (Manifests.Workload w : Kustomize.overlay(overlay).workloads()) {
            for (Container c : allContainers(w.template().getSpec())) {
                String image = c.getImage();
                if (!pinned(image)) {
                    problems.add(w.describe() + " container " + c.getName() + ": image " + image
                            + " has no pinned tag (or digest)");
                }
                if ("Always".equals(c.getImagePullPolicy())) {
                    problems.add(w.describe() + " container " + c.getName() + ": pulls a pinned image on every start");
                }
            }
        }
        assertEquals(List.of(), problems, "overlay " + overlay);
    }

    static boolean pinned(String image) {
        if (image == null || image.isBlank()) {
            return false;
        }
        if (image.matches(".+@sha256:[0-9a-f]{64}")) {
            return true;
        }
        String last = image.substring(image.lastIndexOf('/') + 1);
        int colon = last.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String tag = last.substring(colon + 1);
        return !tag.isEmpty() && !tag.equals("latest") && !tag.endsWith("-SNAPSHOT");
    }

    @Test
    void pinnedImageRule() {
        assertTrue(pinned("io.paperpulse/query-service:1.0.0"));
        assertTrue(pinned("registry:5000/io.paperpulse/query-service:1.0.0"));
        assertTrue(pinned("mongo@sha256:" + "a".repeat(64)));
        assertFalse(pinned("io.paperpulse/query-service"));
        assertFalse(pinned("registry:5000/io.paperpulse/query-service"));
        assertFalse(pinned("mongo:latest"));
        assertFalse(pinned("io.paperpulse/query-service:1.0.0-SNAPSHOT"));
    }

    /** Labels, names, ports and probe paths as quarkus-kubernetes generates them. */
    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void servicesHaveTheShapeQuarkusKubernetesGenerates(String overlay) {
        Manifests manifests = Kustomize.overlay(overlay);
        for (String name : ServiceConfig.SERVICES) {
            Deployment deployment = manifests.get(Deployment.class, name);
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            Container container = single(deployment);
            String tag = container.getImage().substring(container.getImage().lastIndexOf(':') + 1);
            assertEquals(name, container.getName(), name + ": container name");
            assertTrue(container.getImage().matches("(.+/)?io\\.paperpulse/" + name + ":.+"), name + ": image " + container.getImage());
            for (Map<String, String> labels : List.of(deployment.getMetadata().getLabels(), podLabels)) {
                assertEquals(name, labels.get("app.kubernetes.io/name"), name + ": label app.kubernetes.io/name");
                assertEquals(tag, labels.get("app.kubernetes.io/version"), name + ": label app.kubernetes.io/version = image tag");
            }
            assertEquals(Map.of("app.kubernetes.io/name", name), deployment.getSpec().getSelector().getMatchLabels(),
                    name + ": selector (immutable, so without the version)");
            ContainerPort http = httpPort(container);
            assertEquals("TCP", Objects.requireNonNullElse(http.getProtocol(), "TCP"));
            probes(container).forEach((kind, probe) -> {
                assertNotNull(probe, name + ": " + kind + " probe");
                assertNotNull(probe.getHttpGet(), name + ": " + kind + " probe must be an HTTP GET");
                assertEquals(QUARKUS_PROBES.get(kind), probe.getHttpGet().getPath(), name + ": " + kind + " probe path");
                IntOrString port = probe.getHttpGet().getPort();
                assertTrue(port.getStrVal() != null ? "http".equals(port.getStrVal()) : http.getContainerPort().equals(port.getIntVal()),
                        name + ": " + kind + " probe must target the http port");
            });
            Service service = manifests.get(Service.class, name);
            ServicePort servicePort = service.getSpec().getPorts().stream().filter(p -> "http".equals(p.getName()))
                    .findFirst().orElseThrow(() -> new AssertionError(name + ": Service has no port named http"));
            assertEquals(80, servicePort.getPort(), name + ": Service port");
            IntOrString target = servicePort.getTargetPort();
            assertTrue(target.getStrVal() != null ? "http".equals(target.getStrVal()) : http.getContainerPort().equals(target.getIntVal()),
                    name + ": Service must target the http container port");
        }
    }

    /** Every Service selects the pods of a workload and targets a port those pods declare. */
    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyServiceReachesPodsOnAPortTheyDeclare(String overlay) {
        Manifests manifests = Kustomize.overlay(overlay);
        List<String> problems = new ArrayList<>();
        for (Service service : manifests.all(Service.class)) {
            String name = service.getMetadata().getName();
            if (service.getSpec().getType() != null && !"ClusterIP".equals(service.getSpec().getType())) {
                problems.add("Service " + name + " is " + service.getSpec().getType() + ": only the gateway is exposed");
            }
            var selected = manifests.workloads().stream()
                    .filter(w -> Selectors.matches(service.getSpec().getSelector(), w.template().getMetadata().getLabels()))
                    .toList();
            if (selected.size() != 1) {
                problems.add("Service " + name + " selects " + selected.size() + " workloads");
                continue;
            }
            List<ContainerPort> ports = selected.get(0).template().getSpec().getContainers().stream()
                    .flatMap(c -> c.getPorts() == null ? Stream.empty() : c.getPorts().stream()).toList();
            for (ServicePort port : service.getSpec().getPorts()) {
                IntOrString target = port.getTargetPort() == null ? new IntOrString(port.getPort()) : port.getTargetPort();
                boolean declared = ports.stream().anyMatch(p -> target.getStrVal() != null
                        ? target.getStrVal().equals(p.getName()) : target.getIntVal().equals(p.getContainerPort()));
                if (!declared) {
                    problems.add("Service " + name + " port " + port.getName() + " targets " + target
                            + ", which no container of " + selected.get(0).describe() + " declares");
                }
            }
        }
        assertEquals(List.of(), problems, "overlay " + overlay);
    }

    /** The port a service listens on (its application.properties, given our env) is the http port. */
    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "enrich-service", "query-service", "notify-service"})
    void eachServiceListensOnItsDeclaredHttpPort(String name) {
        ServiceConfig config = ServiceConfig.load(name);
        for (String overlay : Kustomize.OVERLAYS) {
            Manifests manifests = Kustomize.overlay(overlay);
            Deployment deployment = manifests.get(Deployment.class, name);
            Environment env = Environment.of(name, single(deployment), manifests, Kustomize.secrets(manifests));
            assertEquals(httpPort(single(deployment)).getContainerPort(), config.httpPort(env.values),
                    overlay + ": " + name + " listens on quarkus.http.port, which must be its http container port");
        }
    }

    /**
     * Compare with what quarkus-kubernetes generated when it packaged the services (this module depends on them,
     * so the reactor packages them first).
     */
    @Test
    void agreesWithTheManifestsQuarkusGenerated() {
        Manifests manifests = Kustomize.overlay("local");
        for (String name : ServiceConfig.SERVICES) {
            Path generated = Kustomize.requireFile(Kustomize.PROJECT.resolve(name).resolve("target/kubernetes/kubernetes.yml"));
            Deployment theirs;
            try {
                theirs = Manifests.parse(generated.toString(), Files.readString(generated)).get(Deployment.class, name);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            Deployment ours = manifests.get(Deployment.class, name);
            Container theirContainer = single(theirs);
            Container ourContainer = single(ours);
            assertEquals(theirContainer.getName(), ourContainer.getName(), name + ": container name");
            assertNotNull(httpPort(theirContainer), name + ": generated port name");
            assertTrue(ours.getSpec().getTemplate().getMetadata().getLabels().keySet()
                    .containsAll(theirs.getSpec().getTemplate().getMetadata().getLabels().keySet().stream()
                            .filter(k -> !k.equals("app.kubernetes.io/managed-by")).toList()),
                    name + ": pod labels of the generated manifest");
            probes(theirContainer).forEach((kind, probe) -> {
                if (probe != null && probe.getHttpGet() != null) {
                    Probe ourProbe = probes(ourContainer).get(kind);
                    assertTrue(ourProbe != null && ourProbe.getHttpGet() != null, name + ": " + kind + " probe missing");
                    assertEquals(probe.getHttpGet().getPath(), ourProbe.getHttpGet().getPath(),
                            name + ": " + kind + " probe path");
                }
            });
            String theirImage = theirContainer.getImage();
            assertNotEquals(-1, theirImage.indexOf(name), name + ": generated image " + theirImage);
        }
    }

    static Container single(Deployment deployment) {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        assertEquals(1, containers.size(), deployment.getMetadata().getName() + ": one container");
        return containers.get(0);
    }

    static ContainerPort httpPort(Container container) {
        return container.getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + ": no container port named http"));
    }

    static Map<String, Probe> probes(Container c) {
        Map<String, Probe> probes = new java.util.LinkedHashMap<>();
        probes.put("liveness", c.getLivenessProbe());
        probes.put("readiness", c.getReadinessProbe());
        probes.put("startup", c.getStartupProbe());
        return probes;
    }

    static Optional<IntOrString> probePort(Probe probe) {
        if (probe.getHttpGet() != null) {
            return Optional.ofNullable(probe.getHttpGet().getPort());
        }
        if (probe.getTcpSocket() != null) {
            return Optional.ofNullable(probe.getTcpSocket().getPort());
        }
        return Optional.empty();
    }

    static List<Container> allContainers(PodSpec pod) {
        List<Container> all = new ArrayList<>(pod.getContainers());
        if (pod.getInitContainers() != null) {
            all.addAll(pod.getInitContainers());
        }
        return all;
    }

    static Optional<Volume> volume(PodSpec pod, String name) {
        return pod.getVolumes() == null ? Optional.empty()
                : pod.getVolumes().stream().filter(v -> name.equals(v.getName())).findFirst();
    }

    static BigDecimal amount(Quantity quantity) {
        return Quantity.getAmountInBytes(quantity);
    }
}
