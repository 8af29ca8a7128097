package io.mmg.gateway.sandbox.mpesa;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.sandbox.ConditionalOnSandbox;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The asynchronous organisation APIs on Daraja's paths (provider-apis.md B8-B11). */
@RestController
@ConditionalOnSandbox
@RequestMapping(MpesaSandboxOperations.BASE_PATH + "/mpesa")
public class MpesaSandboxOrganisationController {

    private final MpesaSandboxOperations operations;
    private final MpesaSandboxOrganisation organisation;

    public MpesaSandboxOrganisationController(MpesaSandboxOperations operations,
                                              MpesaSandboxOrganisation organisation) {
        this.operations = operations;
        this.organisation = organisation;
    }

    @PostMapping("/b2c/v3/paymentrequest")
    public ResponseEntity<Object> b2c(@RequestHeader HttpHeaders headers, @RequestBody(required = false) String body) {
        JsonNode json = operations.parse(body);
        return operations.serve("b2c", organisation.customerOf("b2c", json), headers,
                call -> organisation.b2c(true, json, call));
    }

    /** The legacy version the official SDKs still call (B8; whether Daraja still accepts it is UNCONFIRMED). */
    @PostMapping("/b2c/v1/paymentrequest")
    public ResponseEntity<Object> b2cV1(@RequestHeader HttpHeaders headers,
                                        @RequestBody(required = false) String body) {
        JsonNode json = operations.parse(body);
        return operations.serve("b2c", organisation.customerOf("b2c", json), headers,
                call -> organisation.b2c(false, json, call));
    }

    @PostMapping("/reversal/v1/request")
    public ResponseEntity<Object> reversal(@RequestHeader HttpHeaders headers,
                                           @RequestBody(required = false) String body) {
        JsonNode json = operations.parse(body);
        return operations.serve("reversal", organisation.customerOf("reversal", json), headers,
                call -> organisation.reversal(json, call));
    }

    @PostMapping("/transactionstatus/v1/query")
    public ResponseEntity<Object> transactionStatus(@RequestHeader HttpHeaders headers,
                                                    @RequestBody(required = false) String body) {
        JsonNode json = operations.parse(body);
        return operations.serve("transactionstatus", organisation.customerOf("transactionstatus", json), headers,
                call -> organisation.transactionStatus(json, call));
    }

    @PostMapping("/accountbalance/v1/query")
    public ResponseEntity<Object> accountBalance(@RequestHeader HttpHeaders headers,
                                                 @RequestBody(required = false) String body) {
        JsonNode json = operations.parse(body);
        return operations.serve("accountbalance", null, headers, call -> organisation.accountBalance(json, call));
    }
}
