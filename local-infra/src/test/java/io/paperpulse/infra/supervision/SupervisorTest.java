package io.paperpulse.infra.supervision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor of {@code ./paperpulse up} on real child processes: what it logs, which pids live, which files it keeps. */
class SupervisorTest {
    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private final BlockingQueue<String> log = new LinkedBlockingQueue<>();
    private Supervisor supervisor;

    @BeforeEach
    void create() {
        supervisor = new Supervisor(dir, dir, new Backoff(Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofMinutes(1)),
                Duration.ofSeconds(10), log::add);
    }

    @AfterEach
    void close() throws InterruptedException {
        supervisor.close();
    }

    @Test
    void aChildThatKeepsDyingIsStartedAgainAfterGrowingWaits() throws Exception {
        supervisor.start(List.of(component("flaky", "echo up; exit 3")), EVENT_TIMEOUT);

        List<Long> pids = new ArrayList<>();
        List<String> exits = new ArrayList<>();
        while (exits.size() < 4) {
            String line = next();
            if (line.startsWith("flaky started (pid ")) {
                pids.add(Long.parseLong(line.replaceAll("\\D", "")));
            } else {
                exits.add(line);
            }
        }
        assertEquals(List.of("flaky exited (code 3); restarting in 100ms", "flaky exited (code 3); restarting in 200ms",
                "flaky exited (code 3); restarting in 400ms", "flaky exited (code 3); restarting in 400ms"), exits);
        assertEquals(4, pids.stream().distinct().count(), "each start is a new process: " + pids);
        assertTrue(Files.readString(dir.resolve("flaky.log")).startsWith("up\nup\nup\nup\n"), "every run appends to one log");
    }

    @Test
    void aKilledChildIsStartedAgainWithANewPid() throws Exception {
        supervisor.start(List.of(component("store", "exec sleep 600")), EVENT_TIMEOUT);
        long first = startedPid("store");
        assertEquals(first, pidFile("store"));

        ProcessHandle.of(first).orElseThrow().destroyForcibly();

        assertEquals("store exited (code 137); restarting in 100ms", next());
        long second = startedPid("store");
        assertNotEquals(first, second);
        assertEquals(second, pidFile("store"));
        assertTrue(alive(second));
    }

    @Test
    void aRestartRequestStopsTheChildAndStartsItAtOnceWithTheRequestedEnvironment() throws Exception {
        supervisor.start(List.of(component("enrich", "echo \"group=${GROUP:-default}\"; exec sleep 600")), EVENT_TIMEOUT);
        long first = startedPid("enrich");

        Files.writeString(dir.resolve("enrich.restart"), "GROUP=rerun\n");

        assertEquals("enrich restarting on request", next());
        long second = startedPid("enrich");
        assertFalse(alive(first), "the old process is gone before the new one starts");
        assertTrue(alive(second));
        assertFalse(Files.exists(dir.resolve("enrich.restart")), "the request is consumed");
        awaitLog("enrich", "group=default\ngroup=rerun\n");
    }

    @Test
    void aRestartRequestCutsABackoffWaitShort() throws Exception {
        supervisor = new Supervisor(dir, dir, new Backoff(Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofMinutes(1)),
                Duration.ofSeconds(10), log::add);
        Path fixed = dir.resolve("fixed");
        supervisor.start(List.of(component("query", "test -e " + fixed + " || exit 1; exec sleep 600")), EVENT_TIMEOUT);
        startedPid("query");
        assertEquals("query exited (code 1); restarting in 600s", next());

        Files.createFile(fixed);
        Files.writeString(dir.resolve("query.restart"), "");

        assertEquals("query restarting on request", next());
        assertTrue(alive(startedPid("query")));
    }

    @Test
    void closeStopsEveryChildAndStartsNoneAgain() throws Exception {
        supervisor.start(List.of(component("broker", "exec sleep 600"), component("ingest", "exec sleep 600")), EVENT_TIMEOUT);
        // both are watched by threads of their own: their start lines come in either order
        List<String> starts = List.of(next(), next());
        long broker = pidIn(starts, "broker");
        long ingest = pidIn(starts, "ingest");

        supervisor.close();

        assertFalse(alive(broker));
        assertFalse(alive(ingest));
        assertFalse(Files.exists(dir.resolve("broker.pid")));
        assertFalse(Files.exists(dir.resolve("ingest.pid")));
        assertEquals(List.of(), new ArrayList<>(log), "stopping is not dying: nothing is restarted");
    }

    @Test
    void componentsWithAReadyLineStartSideBySideAndHoldBackTheNextUntilTheyPrintIt() throws Exception {
        Path go = dir.resolve("go");
        Component broker = new Component("broker", List.of("sh", "-c",
                "while ! test -e " + go + "; do sleep 0.05; done; echo local broker ready; exec sleep 600"), Optional.of("local broker ready"));
        Component store = new Component("store", List.of("sh", "-c", "echo local store ready; exec sleep 600"), Optional.of("local store ready"));
        Thread starting = new Thread(() -> {
            try {
                supervisor.start(List.of(broker, store, component("ingest", "exec sleep 600")), EVENT_TIMEOUT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        starting.start();
        List<String> starts = List.of(next(), next());
        pidIn(starts, "broker");
        pidIn(starts, "store");
        assertTrue(starting.isAlive(), "still waiting for the broker");
        assertFalse(Files.exists(dir.resolve("ingest.pid")));

        Files.createFile(go);

        startedPid("ingest");
        starting.join();
    }

    private static Component component(String name, String script) {
        return new Component(name, List.of("sh", "-c", script), Optional.empty());
    }

    private String next() throws InterruptedException {
        String line = log.poll(EVENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(line, "no supervisor event within " + EVENT_TIMEOUT);
        return line;
    }

    private long startedPid(String name) throws InterruptedException {
        return pidIn(List.of(next()), name);
    }

    private static long pidIn(List<String> lines, String name) {
        String prefix = name + " started (pid ";
        String line = lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError(lines));
        return Long.parseLong(line.substring(prefix.length(), line.length() - 1));
    }

    private long pidFile(String name) throws IOException {
        return Long.parseLong(Files.readString(dir.resolve(name + ".pid")).trim());
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private void awaitLog(String name, String content) throws Exception {
        long deadline = System.nanoTime() + EVENT_TIMEOUT.toNanos();
        while (!Files.readString(dir.resolve(name + ".log")).equals(content)) {
            assertTrue(System.nanoTime() < deadline, "log of " + name + ": " + Files.readString(dir.resolve(name + ".log")));
            Thread.sleep(20);
        }
    }
}
