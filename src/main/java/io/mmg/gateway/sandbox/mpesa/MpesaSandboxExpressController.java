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

/** M-Pesa Express on Daraja's paths: the STK push and the STK query (docs/providers.md#daraja-stk-push, #daraja-stk-query). */
@RestController
@ConditionalOnSandbox
@RequestMapping(MpesaSandboxOperations.BASE_PATH)
public class MpesaSandboxExpressController {

    private final MpesaSandboxOperations operations;
    private final MpesaSandboxExpress express;

    public MpesaSandboxExpressController(MpesaSandboxOperations operations, MpesaSandboxExpress express) {
        this.operations = operations;
        this.express = express;
    }

    @PostMapping("/mpesa/stkpush/v1/processrequest")
    public ResponseEntity<Object> push(@RequestHeader HttpHeaders headers, @RequestBody(required = false) String body) {
        JsonNode json = operations.parse(body);
        return operations.serve("stkpush", express.customerOf(json, false), headers,
                call -> express.push(headers, json, call));
    }

    @PostMapping("/mpesa/stkpushquery/v1/query")
    public ResponseEntity<Object> query(@RequestHeader HttpHeaders headers, @RequestBody(required = false) String body) {
        JsonNode json = operations.parse(body);
        return operations.serve("stkpushquery", express.customerOf(json, true), headers,
                call -> express.query(headers, json));
    }
}
