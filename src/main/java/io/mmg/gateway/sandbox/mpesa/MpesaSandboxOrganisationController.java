package io.mmg.gateway.sandbox.mpesa;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.sandbox.ConditionalOnSandbox;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The asynchronous organisation APIs on Daraja's paths (docs/providers.md#daraja-b2c, #daraja-transaction-status, #daraja-reversal, #daraja-account-balance). The path's first segment
 * names the operation for faults and stats: b2c, reversal, transactionstatus, accountbalance. B2C answers on
 * v3 and on the legacy v1 the official SDKs still call (whether Daraja still accepts v1 is UNCONFIRMED).
 */
@RestController
@ConditionalOnSandbox
@RequestMapping(MpesaSandboxOrganisationController.PATH)
public class MpesaSandboxOrganisationController {

    static final String PATH = MpesaSandboxOperations.BASE_PATH + "/mpesa";

    private final MpesaSandboxOperations operations;
    private final MpesaSandboxOrganisation organisation;

    public MpesaSandboxOrganisationController(MpesaSandboxOperations operations,
                                              MpesaSandboxOrganisation organisation) {
        this.operations = operations;
        this.organisation = organisation;
    }

    @PostMapping({"/b2c/v3/paymentrequest", "/b2c/v1/paymentrequest", "/reversal/v1/request",
            "/transactionstatus/v1/query", "/accountbalance/v1/query"})
    public ResponseEntity<Object> call(HttpServletRequest request, @RequestHeader HttpHeaders headers,
                                       @RequestBody(required = false) String body) {
        String path = request.getRequestURI().substring(PATH.length() + 1);
        String operation = path.substring(0, path.indexOf('/'));
        JsonNode json = operations.parse(body);
        return operations.serve(operation, organisation.customerOf(operation, json), headers, call -> switch (operation) {
            case "b2c" -> organisation.b2c(path.startsWith("b2c/v3/"), json, call);
            case "reversal" -> organisation.reversal(json, call);
            case "transactionstatus" -> organisation.transactionStatus(json, call);
            default -> organisation.accountBalance(json, call);
        });
    }
}
