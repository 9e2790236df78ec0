package io.paperpulse.infra.supervision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One component kept running by a thread of its own: started, watched, started again after it dies (after a
 * {@link Backoff} wait) or at once when a restart request ({@code RUN_DIR/NAME.restart}) appears.
 */
final class SupervisedProcess {
    private static final Duration POLL = Duration.ofMillis(100);

    private final Component component;
    private final Path pidFile;
    private final Path requestFile;
    private final Path logFile;
    private final Backoff backoff;
    private final Duration gracePeriod;
    private final Consumer<String> log;
    private final Thread thread;
    /** The environment the last restart request asked for; read and written by the supervising thread only. */
    private Map<String, String> requestedEnvironment = Map.of();
    private Process current; // guarded by this
    private boolean stopping; // guarded by this

    SupervisedProcess(Component component, Path runDir, Path logDir, Backoff backoff, Duration gracePeriod, Consumer<String> log) {
        this.component = component;
        this.pidFile = runDir.resolve(component.name() + ".pid");
        this.requestFile = runDir.resolve(component.name() + ".restart");
        this.logFile = logDir.resolve(component.name() + ".log");
        this.backoff = backoff;
        this.gracePeriod = gracePeriod;
        this.log = log;
        this.thread = new Thread(this::superviseUntilStopped, "supervise-" + component.name());
    }

    /** Starts the component with an empty log; from then on it is kept running until {@link #stop()}. */
    void start() {
        try {
            Files.deleteIfExists(requestFile); // a request left by an earlier run is not this run's
            Files.write(logFile, new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread.start();
    }

    String name() {
        return component.name();
    }

    /** Whether the component's output printed its ready line (across restarts), waiting up to {@code timeout}. */
    boolean awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && !isStopping()) {
            try {
                if (new String(Files.readAllBytes(logFile), StandardCharsets.ISO_8859_1).contains(component.readyLine().get())) {
                    return true;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread.sleep(POLL.toMillis());
        }
        return false;
    }

    /** Stops the component (SIGTERM, SIGKILL after the grace period) and does not start it again. */
    void stop() throws InterruptedException {
        Process process;
        synchronized (this) {
            stopping = true;
            process = current;
        }
        if (process != null) {
            terminate(process);
        }
        thread.join();
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void superviseUntilStopped() {
        try {
            while (true) {
                long startedAt = System.nanoTime();
                String ended;
                try {
                    Process process = launch();
                    if (process == null) {
                        return;
                    }
                    if (awaitExitOrRequest(process)) {
                        log.accept(component.name() + " restarting on request");
                        terminate(process);
                        backoff.reset();
                        continue;
                    }
                    if (isStopping()) {
                        return;
                    }
                    ended = component.name() + " exited (code " + process.exitValue() + ")";
                } catch (IOException e) {
                    ended = component.name() + " could not start (" + e.getMessage() + ")";
                }
                Duration delay = backoff.after(Duration.ofNanos(System.nanoTime() - startedAt));
                log.accept(ended + "; restarting in " + format(delay));
                if (!awaitDelayOrRequest(delay)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The started process, or null once stopping. */
    private synchronized Process launch() throws IOException {
        if (stopping) {
            return null;
        }
        ProcessBuilder builder = new ProcessBuilder(component.command()).redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(requestedEnvironment);
        current = builder.start();
        writePid(current.pid());
        log.accept(component.name() + " started (pid " + current.pid() + ")");
        return current;
    }

    /** True when a restart was asked for before the process exited (or stopping made it exit). */
    private boolean awaitExitOrRequest(Process process) throws InterruptedException {
        while (!process.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
            if (!isStopping() && takeRequest()) {
                return true;
            }
        }
        return false;
    }

    /** False when stopping; true when the wait is over or a restart request cut it short. */
    private boolean awaitDelayOrRequest(Duration delay) throws InterruptedException {
        long deadline = System.nanoTime() + delay.toNanos();
        while (!isStopping()) {
            if (takeRequest()) {
                log.accept(component.name() + " restarting on request");
                backoff.reset();
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            Thread.sleep(Math.min(POLL.toMillis(), TimeUnit.NANOSECONDS.toMillis(left) + 1));
        }
        return false;
    }

    /** Consumes a pending restart request; its KEY=VALUE lines are the environment of every start from now on. */
    private boolean takeRequest() {
        try {
            List<String> lines = Files.readAllLines(requestFile, StandardCharsets.UTF_8);
            Files.delete(requestFile);
            Map<String, String> environment = new HashMap<>();
            for (String line : lines) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    environment.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            requestedEnvironment = Map.copyOf(environment);
            return true;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGTERM to the process and what it started, SIGKILL to whatever outlives the grace period. */
    private void terminate(Process process) throws InterruptedException {
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(gracePeriod.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private synchronized boolean isStopping() {
        return stopping;
    }

    /** Written whole or not at all: {@code ./paperpulse status} and {@code restart} read it at any time. */
    private void writePid(long pid) {
        try {
            Path partial = pidFile.resolveSibling(pidFile.getFileName() + ".partial");
            Files.writeString(partial, pid + "\n");
            Files.move(partial, pidFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String format(Duration delay) {
        return delay.toMillis() % 1000 == 0 ? delay.toSeconds() + "s" : delay.toMillis() + "ms";
    }
}
