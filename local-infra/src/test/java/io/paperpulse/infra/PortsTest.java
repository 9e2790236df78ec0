package io.paperpulse.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The ports handed to the services of one test are different from each other, and each can be bound. */
class PortsTest {

    @Test
    void portsAskedForTogetherAreDifferentAndFree() throws IOException {
        List<Integer> ports = Ports.free(40);
        assertEquals(40, new HashSet<>(ports).size(), "different ports: " + ports);
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket(port)) {
                assertEquals(port, socket.getLocalPort());
            }
        }
    }
}
