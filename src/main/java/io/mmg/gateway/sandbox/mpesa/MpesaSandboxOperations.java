package io.mmg.gateway.sandbox.mpesa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmg.gateway.sandbox.ConditionalOnSandbox;
import io.mmg.gateway.sandbox.SandboxCall;
import io.mmg.gateway.sandbox.SandboxControl;
import io.mmg.gateway.sandbox.SandboxInputs;
import io.mmg.gateway.sandbox.SandboxRequest;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Runs every Daraja simulator operation under the sandbox control (latency, faults, stats), checks the Bearer
 * token like Daraja's gateway does before anything else, and turns a failed check into Daraja's envelope.
 */
@Component
@ConditionalOnSandbox
public class MpesaSandboxOperations {

    /** The simulator's base path: a gateway points its Daraja base URL here instead of Safaricom's host (docs/providers.md#daraja-hosts). */
    static final String BASE_PATH = "/sandbox/mpesa";

    private final SandboxControl control;
    private final MpesaSandboxTokens tokens;
    private final ObjectMapper json;

    public MpesaSandboxOperations(List<SandboxControl> controls, MpesaSandboxTokens tokens, ObjectMapper json) {
        this.tokens = tokens;
        this.json = json;
        this.control = controls.stream()
                .filter(candidate -> MpesaSandboxConfiguration.SIMULATOR.equals(candidate.simulator()))
                .findFirst()
                .orElseThrow();
    }

    /** The token endpoint: no Bearer to check. */
    ResponseEntity<Object> serveUnauthenticated(String operation, Function<SandboxCall, ResponseEntity<Object>> work) {
        return control.intercept(new SandboxRequest(operation, null, null), call -> answer(() -> work.apply(call)));
    }

    /**
     * A business call about the customer {@code msisdn} (null when none): Bearer token first (404.001.03
     * "Invalid Access Token", docs/providers.md#daraja-simulator-checks), then the work.
     */
    ResponseEntity<Object> serve(String operation, String msisdn, HttpHeaders headers,
                                 Function<SandboxCall, ResponseEntity<Object>> work) {
        return control.intercept(new SandboxRequest(operation, null, msisdn), call -> answer(() -> {
            requireBearer(headers);
            return work.apply(call);
        }));
    }

    /** A request body as JSON; missing, blank or malformed is a missing node, which the checks refuse. */
    JsonNode parse(String body) {
        return SandboxInputs.json(json, body);
    }

    private void requireBearer(HttpHeaders headers) {
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || !tokens.isValid(authorization.substring(7).trim(), Instant.now())) {
            throw MpesaSandboxException.of(MpesaErrorBody.INVALID_ACCESS_TOKEN);
        }
    }

    private static ResponseEntity<Object> answer(java.util.function.Supplier<ResponseEntity<Object>> work) {
        try {
            return work.get();
        } catch (MpesaSandboxException e) {
            return e.toResponse();
        }
    }
}
