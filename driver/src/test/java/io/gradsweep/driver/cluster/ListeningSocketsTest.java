package io.gradsweep.driver.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The decoding of /proc/net/tcp addresses the cluster test relies on (runs with the unit tests). */
class ListeningSocketsTest {
    @Test
    void kernelAddressesDecodeToTheAddressesTheyName() {
        assertEquals("127.0.0.1", ListeningSockets.address("0100007F").getHostAddress());
        assertEquals("127.0.0.3", ListeningSockets.address("0000000000000000FFFF00000300007F").getHostAddress());
        assertTrue(ListeningSockets.address("00000000000000000000000001000000").isLoopbackAddress()); // ::1
        assertFalse(ListeningSockets.address("00000000").isLoopbackAddress()); // 0.0.0.0: every interface
        assertEquals("192.168.1.10", ListeningSockets.address("0A01A8C0").getHostAddress());
    }
}
