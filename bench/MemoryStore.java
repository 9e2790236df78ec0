import io.paperpulse.infra.EmbeddedStore;

/**
 * For bench/query-load.sh with BENCH_STORE=memory: the embedded store on its memory backend rather than the H2 file
 * the local infrastructure uses, to tell how much of the time the backend costs. Runs until killed.
 *
 * Usage (classpath: local-infra jar and its lib/): java MemoryStore.java PORT
 */
public final class MemoryStore {
    public static void main(String[] args) throws InterruptedException {
        EmbeddedStore store = EmbeddedStore.inMemory().start(Integer.parseInt(args[0]));
        Runtime.getRuntime().addShutdownHook(new Thread(store::close));
        System.out.println("memory store ready: " + store.connectionString());
        Thread.currentThread().join();
    }
}
