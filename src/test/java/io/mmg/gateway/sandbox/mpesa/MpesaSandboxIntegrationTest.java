package io.mmg.gateway.sandbox.mpesa;

import io.mmg.gateway.sandbox.CallbackReceiver;
import io.mmg.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole gateway on a random port with a Daraja client pointed at its simulator and a merchant's listener
 * for the callbacks. The simulator's control is reset after each test.
 */
@GatewayIntegrationTest
abstract class MpesaSandboxIntegrationTest {

    @LocalServerPort
    int port;
    MpesaSandboxClient daraja;
    CallbackReceiver merchant;

    @BeforeEach
    void connect() {
        daraja = new MpesaSandboxClient(port);
        merchant = new CallbackReceiver();
    }

    @AfterEach
    void resetTheSimulator() {
        merchant.close();
        daraja.control("DELETE", "", null);
    }
}
