package io.paperpulse.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Free local ports, for brokers and services started by tests. */
public final class Ports {
    private Ports() {
    }

    /**
     * {@code count} different free ports: each is held open until all are found, since a port just closed may be
     * handed out again by the next {@link #free()} (two services of one test then raced for one port).
     */
    public static List<Integer> free(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                held.add(socket);
                ports.add(socket.getLocalPort());
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // closing a listening socket nobody connected to: nothing to undo
                }
            }
        }
    }

    public static int free() {
        return free(1).get(0);
    }
}
