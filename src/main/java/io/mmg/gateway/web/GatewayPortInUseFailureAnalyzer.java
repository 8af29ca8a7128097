package io.mmg.gateway.web;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * The port is taken: Spring Boot's own report names the port but not the setting that moves it. Ordered before it.
 */
public class GatewayPortInUseFailureAnalyzer extends AbstractFailureAnalyzer<PortInUseException> implements Ordered {

    private final Environment environment;

    public GatewayPortInUseFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PortInUseException cause) {
        String managementPort = environment.getProperty("management.server.port", "");
        boolean management = !managementPort.isBlank() && managementPort.equals(String.valueOf(cause.getPort()));
        String setting = management ? "GATEWAY_MANAGEMENT_PORT (management.server.port)" : "GATEWAY_PORT (server.port)";
        String description = "Port " + cause.getPort() + " is already in use, so the gateway cannot listen on it"
                + " (another gateway, or another program, has it).";
        String action = "Stop what listens on port " + cause.getPort() + " (e.g. `ss -ltnp | grep :" + cause.getPort()
                + "`), or start the gateway on another port with " + setting + ", e.g. " + setting.split(" ")[0] + "=8081.";
        return new FailureAnalysis(description, action, cause);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
