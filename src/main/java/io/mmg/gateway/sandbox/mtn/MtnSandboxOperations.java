package io.mmg.gateway.sandbox.mtn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmg.gateway.sandbox.ConditionalOnSandbox;
import io.mmg.gateway.sandbox.SandboxCall;
import io.mmg.gateway.sandbox.SandboxControl;
import io.mmg.gateway.sandbox.SandboxInputs;
import io.mmg.gateway.sandbox.SandboxRequest;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Runs every MTN simulator operation under the sandbox control (latency, faults, stats) and turns a failed
 * check into MoMo's answer inside it, so a delay-after-processing fault also delays error answers.
 */
@Component
@ConditionalOnSandbox
public class MtnSandboxOperations {

    /** The simulator's base path: a gateway points its MTN base URL here instead of MTN's host (docs/providers.md#mtn-hosts). */
    static final String BASE_PATH = "/sandbox/mtn";

    private final SandboxControl control;
    private final ObjectMapper json;

    public MtnSandboxOperations(List<SandboxControl> controls, ObjectMapper json) {
        this.json = json;
        this.control = controls.stream()
                .filter(candidate -> MtnSandboxConfiguration.SIMULATOR.equals(candidate.simulator()))
                .findFirst()
                .orElseThrow();
    }

    /**
     * @param operation name for faults and stats, e.g. {@code token}, {@code requesttopay-status}
     * @param product   the product in the path, null for provisioning
     * @param msisdn    the party number the request is about, if any
     */
    ResponseEntity<Object> serve(String operation, MtnProduct product, String msisdn,
                                 Function<SandboxCall, ResponseEntity<Object>> work) {
        return serve(operation, product, msisdn, null, work);
    }

    /** The same, for a request about one transaction: {@code reference} is its X-Reference-Id. */
    ResponseEntity<Object> serve(String operation, MtnProduct product, String msisdn, String reference,
                                 Function<SandboxCall, ResponseEntity<Object>> work) {
        SandboxRequest request = new SandboxRequest(operation, product == null ? null : product.path(), msisdn,
                reference == null ? null : reference.trim().toLowerCase(Locale.ROOT));
        return control.intercept(request, call -> {
            try {
                return work.apply(call);
            } catch (MtnSandboxException e) {
                return e.toResponse();
            }
        });
    }

    /** Records that the provider now holds a transaction: a charge, for the per-externalId counts. */
    void created(String reference, String externalId) {
        control.references().created(reference.trim().toLowerCase(Locale.ROOT), externalId);
    }

    /** A request body as JSON; missing, blank or malformed is a missing node, which the checks refuse. */
    JsonNode parse(String body) {
        return SandboxInputs.json(json, body);
    }
}
