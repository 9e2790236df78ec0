package io.paperpulse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;


/** Runs {@code kubectl kustomize} and the secrets script; caches each overlay's parsed render. */
final class Kustomize {

    static final List<String> OVERLAYS = List.of("local", "production");

    /** The deploy module's directory (surefire runs in it; the pom also passes it). */
    static final Path MODULE = Paths.get(System.getProperty("paperpulse.deploy.dir",
            System.getProperty("user.dir"))).toAbsolutePath().normalize();
    static final Path KUBERNETES = MODULE.resolve("kubernetes");
    static final Path PROJECT = MODULE.getParent();

    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();
    private static volatile String documentedSecretsYaml;
    private static final Map<String, Manifests> SECRETS = new ConcurrentHashMap<>();
    private static final String NO_KUBECTL = "kubectl (with its built-in kustomize) is not installed, so the Kubernetes "
            + "manifests cannot be checked: install kubectl 1.27 or newer (or pass -Dpaperpulse.kubectl=PATH)";

    private Kustomize() {
    }

    /** kubectl: -Dpaperpulse.kubectl=PATH if given (a missing path means "no kubectl"), else /usr/bin or PATH. */
    static Optional<Path> kubectl() {
        String configured = System.getProperty("paperpulse.kubectl");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Paths.get(configured)).filter(Files::isExecutable);
        }
        Path usual = Paths.get("/usr/bin/kubectl");
        if (Files.isExecutable(usual)) {
            return Optional.of(usual);
        }
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(java.io.File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Paths.get(dir, "kubectl"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** A test that cannot check its manifests fails: a skipped check would read as a passed one. */
    static Path requireKubectl() {
        return kubectl().orElseThrow(() -> new AssertionError(NO_KUBECTL));
    }

    /** The file, which must exist: a test never passes by not finding what it checks. */
    static Path requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AssertionError(file + " does not exist: this test needs it");
        }
        return file;
    }

    /** The parsed output of {@code kubectl kustomize deploy/kubernetes/overlays/<overlay>}. */
    static Manifests overlay(String overlay) {
        return RENDERED.computeIfAbsent(overlay, o -> Manifests.parse("overlay " + o, render(o)));
    }

    static String render(String overlay) {
        Path dir = KUBERNETES.resolve("overlays").resolve(overlay);
        assertTrue(Files.isDirectory(dir), "overlay directory missing: " + dir);
        Result result = run(List.of(requireKubectl().toString(), "kustomize", dir.toString()), Map.of());
        assertEquals(0, result.exitCode, () -> "kubectl kustomize " + dir + " failed:\n" + result.stderr);
        assertTrue(!result.stdout.isBlank(), "kubectl kustomize " + dir + " rendered nothing");
        return result.stdout;
    }

    /**
     * The Secrets that create-secrets.sh makes (with generated values), rendered with --dry-run:
     * the documented list of Secrets that the manifests may reference without containing.
     */
    static Manifests documentedSecrets() {
        return Manifests.parse("create-secrets.sh --dry-run", documentedSecretsYaml());
    }

    /** Every Secret a render may reference: those create-secrets.sh makes and those Strimzi makes from the render. */
    static Manifests secrets(Manifests rendered) {
        return SECRETS.computeIfAbsent(rendered.source, s -> Manifests.parse("create-secrets.sh and Strimzi",
                documentedSecretsYaml() + "\n" + StrimziSecrets.of(rendered)));
    }

    private static String documentedSecretsYaml() {
        if (documentedSecretsYaml == null) {
            requireKubectl();
            try {
                Path dir = Files.createTempDirectory("paperpulse-secrets");
                Path env = dir.resolve("secrets.env");
                String script = KUBERNETES.resolve("create-secrets.sh").toString();
                Result generated = run(List.of("bash", script, "--generate", "--env-file", env.toString()), Map.of());
                assertEquals(0, generated.exitCode, () -> "create-secrets.sh --generate failed:\n" + generated.stderr);
                Result printed = run(List.of("bash", script, "--dry-run", "--env-file", env.toString()), Map.of());
                assertEquals(0, printed.exitCode, () -> "create-secrets.sh --dry-run failed:\n" + printed.stderr);
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path file : files.toList()) {
                        Files.delete(file);
                    }
                }
                Files.delete(dir);
                documentedSecretsYaml = printed.stdout;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return documentedSecretsYaml;
    }

    record Result(int exitCode, String stdout, String stderr) {
    }

    static Result run(List<String> command, Map<String, String> environment) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(MODULE.toFile());
            builder.environment().putAll(environment);
            Path out = Files.createTempFile("kustomize", ".out");
            Path err = Files.createTempFile("kustomize", ".err");
            try {
                Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    fail("timed out: " + String.join(" ", command));
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
