package io.paperpulse.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One JVM of the pipeline (a service or a part of the local infrastructure) started from {@code arguments} with
 * {@code env}; its output goes to target/e2e-logs/NAME.log, continued by each restart.
 */
final class JavaProcess {
    private static final Path LOGS = Path.of("target", "e2e-logs");
    /** Every process started: a test JVM that is stopped (a time-out, Ctrl-C) takes them down with it. */
    private static final Set<Process> STARTED = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> STARTED.forEach(Process::destroyForcibly), "e2e-processes"));
    }

    private final String name;
    private final List<String> arguments;
    private final Map<String, String> env;
    private Process process;
    private boolean startedBefore;

    private JavaProcess(String name, List<String> arguments, Map<String, String> env) {
        this.name = name;
        this.arguments = List.copyOf(arguments);
        this.env = Map.copyOf(env);
    }

    /** A packaged Quarkus service: {@code ROOT/SERVICE/target/quarkus-app/quarkus-run.jar}. */
    static JavaProcess service(Path root, String service, String name, Map<String, String> env) {
        Path jar = root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("package the services first: missing " + jar.toAbsolutePath());
        }
        return new JavaProcess(name, List.of("-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toAbsolutePath().toString()), env);
    }

    /** A main class of this test JVM's own class path. */
    static JavaProcess mainClass(Class<?> main, List<String> args, String name, Map<String, String> env) {
        List<String> arguments = new ArrayList<>(List.of("-Xmx384m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                main.getName()));
        arguments.addAll(args);
        return new JavaProcess(name, arguments, env);
    }

    String name() {
        return name;
    }

    JavaProcess start() {
        try {
            Files.createDirectories(LOGS);
            List<String> command = new ArrayList<>(List.of(javaBinary()));
            command.addAll(arguments);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(startedBefore ? Redirect.appendTo(log().toFile()) : Redirect.to(log().toFile()));
            startedBefore = true;
            builder.environment().putAll(env);
            process = builder.start();
            STARTED.add(process);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** kill -9: no shutdown hook runs, nothing in flight finishes. */
    void kill() {
        if (process != null) {
            process.destroyForcibly();
            awaitExit(process, 30);
        }
    }

    /** SIGTERM, and SIGKILL when it has not exited after 30 s. */
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!awaitExit(process, 30)) {
                kill();
            }
        }
    }

    /** SIGTERM without waiting: the process shuts down while the caller goes on. */
    void signalTerm() {
        process.destroy();
    }

    /** Waits for the process to exit by itself; its exit code. */
    int awaitExit(long seconds) {
        if (!awaitExit(process, seconds)) {
            throw new IllegalStateException(name + " did not exit within " + seconds + " s");
        }
        return process.exitValue();
    }

    /** How many times the log (of every start so far) contains {@code text}. */
    int logCount(String text) {
        try {
            String log = Files.exists(log()) ? new String(Files.readAllBytes(log()), StandardCharsets.ISO_8859_1) : "";
            int count = 0;
            for (int at = log.indexOf(text); at >= 0; at = log.indexOf(text, at + text.length())) {
                count++;
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path log() {
        return LOGS.resolve(name + ".log");
    }

    private static boolean awaitExit(Process process, long seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString() + (File.separatorChar == '\\' ? ".exe" : "");
    }
}
