package dev.practicetracker.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class FreePortsTest {

    private static final int PORTS = 200;

    @Test
    void portsComeFromBelowTheRangeOutgoingConnectionsUseAndNeverTwice() {
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < PORTS; i++) {
            ports.add(FreePorts.take());
        }

        assertThat(ports).doesNotHaveDuplicates()
                .allSatisfy(port -> assertThat(port).isBetween(FreePorts.LOWEST, FreePorts.ephemeralStart() - 1));
    }

    @Test
    void aPortSomethingListensOnIsNotFree() throws Exception {
        int port = FreePorts.take();
        try (ServerSocket listener = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(FreePorts.isFree(port)).isFalse();
        }
        assertThat(FreePorts.isFree(port)).isTrue();
    }
}
