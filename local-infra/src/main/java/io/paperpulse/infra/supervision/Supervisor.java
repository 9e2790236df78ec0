package io.paperpulse.infra.supervision;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * What {@code ./paperpulse up} runs: {@code Supervisor RUN_DIR LOG_DIR -- NAME [--ready TEXT] COMMAND... [-- NAME ...]}.
 * Starts the components in order, a component without a ready line once those before it printed theirs; starts any
 * that dies again after a {@link Backoff#standard()} wait, and one at once when {@code RUN_DIR/NAME.restart} appears;
 * stops them all, last first, on SIGTERM or SIGINT. A component's output goes to {@code LOG_DIR/NAME.log}, its pid to
 * {@code RUN_DIR/NAME.pid}.
 */
public final class Supervisor implements AutoCloseable {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Path runDir;
    private final Path logDir;
    private final Backoff backoff;
    private final Duration gracePeriod;
    private final Consumer<String> log;
    private final List<SupervisedProcess> started = new ArrayList<>(); // guarded by this
    private boolean closed; // guarded by this

    public Supervisor(Path runDir, Path logDir, Backoff backoff, Duration gracePeriod, Consumer<String> log) {
        this.runDir = runDir;
        this.logDir = logDir;
        this.backoff = backoff;
        this.gracePeriod = gracePeriod;
        this.log = log;
    }

    /**
     * Starts each component in order. Those with a ready line start at once, one after the other (the broker and the
     * store boot side by side); one without waits until those before it printed theirs, or {@code readyTimeout} passed.
     */
    public void start(List<Component> components, Duration readyTimeout) throws InterruptedException {
        List<SupervisedProcess> notReadyYet = new ArrayList<>();
        for (Component component : components) {
            if (component.readyLine().isEmpty()) {
                for (SupervisedProcess earlier : notReadyYet) {
                    if (!earlier.awaitReady(readyTimeout)) {
                        log.accept(earlier.name() + " not ready after " + readyTimeout.toSeconds() + "s; starting the next components anyway");
                    }
                }
                notReadyYet.clear();
            }
            SupervisedProcess process = new SupervisedProcess(component, runDir, logDir, backoff.copy(), gracePeriod, log);
            synchronized (this) {
                if (closed) {
                    return;
                }
                started.add(process);
                process.start();
            }
            if (component.readyLine().isPresent()) {
                notReadyYet.add(process);
            }
        }
    }

    /** Stops every component, the last started first, so the services go before the broker and the store they use. */
    @Override
    public void close() throws InterruptedException {
        List<SupervisedProcess> toStop;
        synchronized (this) {
            closed = true;
            toStop = new ArrayList<>(started);
        }
        for (int i = toStop.size() - 1; i >= 0; i--) {
            toStop.get(i).stop();
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4 || !args[2].equals("--")) {
            System.err.println("usage: Supervisor RUN_DIR LOG_DIR -- NAME [--ready TEXT] COMMAND... [-- NAME ...]");
            System.exit(2);
        }
        Path runDir = Files.createDirectories(Path.of(args[0]));
        Path logDir = Files.createDirectories(Path.of(args[1]));
        Consumer<String> log = line -> System.out.println(LocalTime.now().format(CLOCK) + " " + line);
        Supervisor supervisor = new Supervisor(runDir, logDir, Backoff.standard(), Duration.ofSeconds(30), log);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                supervisor.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stopped.countDown();
        }, "supervisor-shutdown"));
        supervisor.start(parse(Arrays.asList(args).subList(3, args.length)), Duration.ofSeconds(90));
        stopped.await();
    }

    static List<Component> parse(List<String> args) {
        List<Component> components = new ArrayList<>();
        int from = 0;
        while (from < args.size()) {
            int to = args.subList(from, args.size()).indexOf("--");
            List<String> spec = args.subList(from, to < 0 ? args.size() : from + to);
            boolean ready = spec.size() > 2 && spec.get(1).equals("--ready");
            List<String> command = spec.subList(ready ? 3 : 1, spec.size());
            if (command.isEmpty()) {
                throw new IllegalArgumentException("no command for component " + spec.get(0));
            }
            components.add(new Component(spec.get(0), List.copyOf(command), ready ? Optional.of(spec.get(2)) : Optional.empty()));
            from = to < 0 ? args.size() : from + to + 1;
        }
        return components;
    }
}
