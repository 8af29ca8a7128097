package io.mmg.gateway.sandbox.mpesa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mmg.gateway.sandbox.ConditionalOnSandbox;
import io.mmg.gateway.sandbox.SandboxControlApi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a developer wants from a Daraja sandbox beyond Daraja's API: see what the simulator received (the request
 * as sent, the CallBackURL or ResultURL it was given), find a customer's transactions (when the answer carrying
 * the CheckoutRequestID was lost), and send a callback or Result again, as is or with changed fields.
 */
@RestController
@SandboxControlApi
@ConditionalOnSandbox
@RequestMapping("/sandbox/control/mpesa/transactions")
public class MpesaSandboxInspectionController {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final MpesaSandboxLedger ledger;
    private final MpesaSandboxOrganisation organisation;
    private final ObjectMapper json;

    public MpesaSandboxInspectionController(MpesaSandboxLedger ledger, MpesaSandboxOrganisation organisation,
                                            ObjectMapper json) {
        this.ledger = ledger;
        this.organisation = organisation;
        this.json = json;
    }

    /** By CheckoutRequestID, ConversationID, OriginatorConversationID or receipt. */
    @GetMapping("/{id}")
    public ResponseEntity<Object> transaction(@PathVariable String id) {
        return ledger.findAnywhere(id)
                .<ResponseEntity<Object>>map(transaction -> ResponseEntity.ok(describe(transaction)))
                .orElseGet(MpesaSandboxInspectionController::unknown);
    }

    /** Every STK push, B2C payment and reversal about a customer number, newest first. */
    @GetMapping
    public List<Map<String, Object>> about(@RequestParam String msisdn) {
        return ledger.about(msisdn).stream().map(this::describe).toList();
    }

    /**
     * Posts the transaction's STK callback or Result now, with the fields of the request body (a JSON object,
     * may be empty) replacing those of {@code stkCallback} or {@code Result}. Answers what the listener said.
     */
    @PostMapping("/{id}/callback")
    public ResponseEntity<Object> resendCallback(@PathVariable String id,
                                                 @RequestBody(required = false) JsonNode overrides)
            throws IOException, InterruptedException {
        MpesaSandboxTransaction transaction = ledger.findAnywhere(id).orElse(null);
        if (transaction == null) {
            return unknown();
        }
        ObjectNode body = json.valueToTree(callbackBody(transaction));
        JsonNode inner = transaction.kind() == MpesaSandboxTransaction.Kind.STK_PUSH
                ? body.path("Body").path("stkCallback") : body.path("Result");
        if (overrides != null && overrides.isObject() && inner instanceof ObjectNode target) {
            target.setAll((ObjectNode) overrides);
        }
        return post(transaction.resultUrl(), body);
    }

    /** Posts the QueueTimeOut notice of a B2C payment or reversal now, whatever its outcome. */
    @PostMapping("/{id}/timeout")
    public ResponseEntity<Object> sendQueueTimeout(@PathVariable String id) throws IOException, InterruptedException {
        MpesaSandboxTransaction transaction = ledger.findAnywhere(id).orElse(null);
        if (transaction == null) {
            return unknown();
        }
        if (transaction.queueTimeoutUrl() == null) {
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .body(Map.of("code", "NO_QUEUE_TIMEOUT_URL", "error", "An STK push has no QueueTimeOutURL"));
        }
        return post(transaction.queueTimeoutUrl(), json.valueToTree(MpesaSandboxResults.queueTimeout(transaction)));
    }

    /**
     * Changes what the simulator says about the transaction from now on ({@link MpesaSandboxRestatement}), as when
     * M-Pesa's records change after the fact. Nothing is posted. Answers the transaction as it now is.
     */
    @PatchMapping("/{id}")
    public ResponseEntity<Object> restate(@PathVariable String id, @RequestBody(required = false) JsonNode change) {
        MpesaSandboxRestatement restatement = MpesaSandboxRestatement.parse(change);
        MpesaSandboxTransaction current = ledger.findAnywhere(id).orElse(null);
        if (current == null) {
            return unknown();
        }
        MpesaSandboxTransaction restated = restatement.applyTo(current, Instant.now());
        if (!ledger.replace(current, restated)) {
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .body(Map.of("code", "CHANGED_MEANWHILE", "error", "The transaction changed meanwhile; try again"));
        }
        return ResponseEntity.ok(describe(restated));
    }

    private Object callbackBody(MpesaSandboxTransaction transaction) {
        return transaction.kind() == MpesaSandboxTransaction.Kind.STK_PUSH
                ? MpesaSandboxResults.stkCallback(transaction) : organisation.resultBody(transaction);
    }

    private ResponseEntity<Object> post(URI url, JsonNode body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return ResponseEntity.ok(Map.of("status", answer.statusCode(), "body", answer.body()));
    }

    private Map<String, Object> describe(MpesaSandboxTransaction transaction) {
        Instant now = Instant.now();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("kind", transaction.kind().name());
        view.put("id", transaction.id());
        view.put("merchantRequestId", transaction.merchantRequestId());
        view.put("originatorConversationId", transaction.originatorConversationId());
        view.put("msisdn", transaction.msisdn());
        view.put("amount", transaction.amount());
        view.put("shortCode", transaction.shortCode());
        view.put("status", !transaction.isFinal(now) ? "PENDING" : transaction.succeeded() ? "COMPLETED" : "FAILED");
        view.put("resultCode", transaction.resultCode());
        view.put("resultDesc", transaction.resultDesc());
        view.put("queueTimeout", transaction.queueTimeout());
        view.put("receipt", transaction.receipt());
        view.put("originalReceipt", transaction.originalReceipt());
        view.put("reversed", transaction.reversed().get());
        view.put("callbackUrl", transaction.resultUrl() == null ? null : transaction.resultUrl().toString());
        view.put("queueTimeOutUrl", transaction.queueTimeoutUrl() == null ? null
                : transaction.queueTimeoutUrl().toString());
        view.put("createdAt", transaction.createdAt().toString());
        view.put("finalAt", transaction.finalAt().toString());
        view.put("request", transaction.request());
        return view;
    }

    private static ResponseEntity<Object> unknown() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Map.of("code", "NOT_FOUND", "error", "The sandbox has no transaction with this id"));
    }
}
