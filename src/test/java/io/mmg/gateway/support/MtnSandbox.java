package io.mmg.gateway.support;

/**
 * Drives the MTN simulator's control API (/sandbox/control/mtn) from tests. Requests are counted both per
 * operation ("requesttopay") and per product ("collection/requesttopay").
 */
public class MtnSandbox extends SandboxSimulator {

    public MtnSandbox(GatewayHttp http) {
        super(http, "mtn");
    }
}
