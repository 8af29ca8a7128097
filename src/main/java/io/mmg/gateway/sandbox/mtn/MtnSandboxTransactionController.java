package io.mmg.gateway.sandbox.mtn;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.sandbox.ConditionalOnSandbox;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The money-moving resources of the three products through one parameterised path:
 * {@code POST /{product}/{version}/{resource}} and {@code GET /{product}/{version}/{resource}/{referenceId}}
 * for requesttopay, requesttowithdraw, transfer, deposit, refund and cashtransfer ({@link MtnTransactionType}
 * says which product and version serve which), plus the request-to-pay delivery notification.
 */
@RestController
@ConditionalOnSandbox
@RequestMapping(MtnSandboxOperations.BASE_PATH + "/{product:" + MtnProduct.PATTERN + "}")
public class MtnSandboxTransactionController {

    private final MtnSandboxOperations operations;
    private final MtnSandboxTransactions transactions;

    public MtnSandboxTransactionController(MtnSandboxOperations operations, MtnSandboxTransactions transactions) {
        this.operations = operations;
        this.transactions = transactions;
    }

    @PostMapping("/{version}/{resource}")
    public ResponseEntity<Object> create(@PathVariable String product, @PathVariable String version,
                                         @PathVariable String resource, @RequestHeader HttpHeaders headers,
                                         @RequestBody(required = false) String body) {
        MtnProduct path = MtnProduct.fromPath(product);
        return MtnTransactionType.forCreate(path, version, resource)
                .map(type -> {
                    JsonNode json = operations.parse(body);
                    String reference = headers.getFirst("X-Reference-Id");
                    return operations.serve(type.resource(), path, transactions.partyNumber(type, json), reference,
                            call -> {
                                ResponseEntity<Object> answer = transactions.create(path, type, headers, json, call);
                                operations.created(reference, json.path("externalId").asText(null));
                                return answer;
                            });
                })
                .orElseGet(MtnSandboxFallbackController::noSuchOperation);
    }

    @GetMapping("/{version}/{resource}/{referenceId}")
    public ResponseEntity<Object> status(@PathVariable String product, @PathVariable String version,
                                         @PathVariable String resource, @PathVariable String referenceId,
                                         @RequestHeader HttpHeaders headers) {
        MtnProduct path = MtnProduct.fromPath(product);
        return MtnTransactionType.forStatus(path, version, resource)
                .map(type -> operations.serve(type.statusOperation(), path,
                        transactions.partyNumber(path, type, referenceId), referenceId,
                        call -> transactions.status(path, type, referenceId, headers)))
                .orElseGet(MtnSandboxFallbackController::noSuchOperation);
    }

    @PostMapping("/v1_0/requesttopay/{referenceId}/deliverynotification")
    public ResponseEntity<Object> deliveryNotification(@PathVariable String product,
                                                       @PathVariable String referenceId,
                                                       @RequestHeader HttpHeaders headers,
                                                       @RequestBody(required = false) String body) {
        MtnProduct path = MtnProduct.fromPath(product);
        return operations.serve("deliverynotification", path,
                transactions.partyNumber(MtnProduct.COLLECTION, MtnTransactionType.REQUEST_TO_PAY, referenceId),
                call -> transactions.notifyDelivery(path, referenceId, headers, operations.parse(body)));
    }
}
