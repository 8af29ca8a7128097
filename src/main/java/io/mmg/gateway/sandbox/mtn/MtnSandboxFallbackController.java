package io.mmg.gateway.sandbox.mtn;

import io.mmg.gateway.sandbox.ConditionalOnSandbox;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any other path under {@code /sandbox/mtn} gets APIM's 404 for an unknown operation, not a Spring error page,
 * so a client with a wrong path sees what it would see at MTN.
 */
@RestController
@ConditionalOnSandbox
public class MtnSandboxFallbackController {

    @RequestMapping(MtnSandboxOperations.BASE_PATH + "/**")
    public ResponseEntity<Object> unknownOperation() {
        return noSuchOperation();
    }

    static ResponseEntity<Object> noSuchOperation() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(MtnApimErrorBody.NO_SUCH_OPERATION);
    }
}
