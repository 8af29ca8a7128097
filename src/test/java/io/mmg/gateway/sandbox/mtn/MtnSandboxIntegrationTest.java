package io.mmg.gateway.sandbox.mtn;

import io.mmg.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole gateway on a random port with an MTN client pointed at its simulator. The simulator is reset
 * after each test, so faults and setting overrides never leak into the next one.
 */
@GatewayIntegrationTest
abstract class MtnSandboxIntegrationTest {

    @LocalServerPort
    int port;
    MtnSandboxClient mtn;

    @BeforeEach
    void connectToTheSimulator() {
        mtn = new MtnSandboxClient(port);
    }

    @AfterEach
    void resetTheSimulator() {
        mtn.resetControl();
    }
}
