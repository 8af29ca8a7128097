package io.mmg.gateway.sandbox.mtn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mmg.gateway.sandbox.ConditionalOnSandbox;
import io.mmg.gateway.sandbox.SandboxControlApi;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a developer wants from a sandbox beyond MTN's API: see what the provider received (including the
 * callback URL it was given) and send a transaction's callback again, as a duplicate delivery would, or
 * with changed fields, to test how a callback listener copes.
 */
@RestController
@SandboxControlApi
@ConditionalOnSandbox
@RequestMapping("/sandbox/control/mtn/transactions/{referenceId}")
public class MtnSandboxInspectionController {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final MtnSandboxLedger ledger;
    private final MtnSandboxSettings settings;
    private final ObjectMapper json;

    public MtnSandboxInspectionController(MtnSandboxLedger ledger, MtnSandboxSettings settings, ObjectMapper json) {
        this.ledger = ledger;
        this.settings = settings;
        this.json = json;
    }

    @GetMapping
    public ResponseEntity<Object> transaction(@PathVariable String referenceId) {
        return ledger.findAnywhere(referenceId.toLowerCase(Locale.ROOT))
                .<ResponseEntity<Object>>map(transaction -> ResponseEntity.ok(describe(transaction)))
                .orElseGet(MtnSandboxInspectionController::unknown);
    }

    /**
     * Sends the transaction's current status body to its callback URL now, with the fields of the request
     * body (a JSON object, may be empty) replacing those of the status body. Answers what the listener said.
     */
    @PostMapping("/callback")
    public ResponseEntity<Object> resendCallback(@PathVariable String referenceId,
                                                 @RequestBody(required = false) JsonNode overrides)
            throws IOException, InterruptedException {
        MtnSandboxTransaction transaction = ledger.findAnywhere(referenceId.toLowerCase(Locale.ROOT)).orElse(null);
        if (transaction == null) {
            return unknown();
        }
        if (transaction.callbackUrl() == null) {
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .body(Map.of("code", "NO_CALLBACK_URL", "error", "The request carried no X-Callback-Url"));
        }
        ObjectNode body = json.valueToTree(transaction.statusBody(Instant.now(), settings.current().reasonFormat()));
        if (overrides != null && overrides.isObject()) {
            body.setAll((ObjectNode) overrides);
        }
        HttpRequest request = HttpRequest.newBuilder(transaction.callbackUrl())
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .method(settings.current().callbackMethod(), HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return ResponseEntity.ok(Map.of("status", answer.statusCode(), "body", answer.body()));
    }

    /**
     * Changes what the simulator says about the transaction from now on ({@link MtnSandboxRestatement}), as when
     * MoMo's records change after the fact. Nobody is called back. Answers the transaction as it now is.
     */
    @PatchMapping
    public ResponseEntity<Object> restate(@PathVariable String referenceId, @RequestBody(required = false) JsonNode change) {
        MtnSandboxRestatement restatement = MtnSandboxRestatement.parse(change);
        MtnSandboxTransaction current = ledger.findAnywhere(referenceId.toLowerCase(Locale.ROOT)).orElse(null);
        if (current == null) {
            return unknown();
        }
        MtnSandboxTransaction restated = restatement.applyTo(current, Instant.now());
        if (!ledger.replace(current, restated)) {
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .body(Map.of("code", "CHANGED_MEANWHILE", "error", "The transaction changed meanwhile; try again"));
        }
        return ResponseEntity.ok(describe(restated));
    }

    private Map<String, Object> describe(MtnSandboxTransaction transaction) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("referenceId", transaction.referenceId());
        view.put("product", transaction.product().path());
        view.put("resource", transaction.type().resource());
        view.put("callbackUrl", transaction.callbackUrl() == null ? null : transaction.callbackUrl().toString());
        view.put("statusBody", transaction.statusBody(Instant.now(), settings.current().reasonFormat()));
        return view;
    }

    private static ResponseEntity<Object> unknown() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Map.of("code", "RESOURCE_NOT_FOUND", "error", "The sandbox has no transaction with this id"));
    }
}
