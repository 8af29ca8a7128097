package io.mmg.gateway.sandbox;

import java.util.Map;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A control call the simulators cannot carry out (a bad fault, setting or restatement) is a 400, not a 500. */
@ConditionalOnSandbox
@RestControllerAdvice(annotations = SandboxControlApi.class)
public class SandboxControlErrors {

    @ExceptionHandler({IllegalArgumentException.class, HttpMessageNotReadableException.class})
    ResponseEntity<Map<String, String>> invalidControl(Exception e) {
        String reason = NestedExceptionUtils.getMostSpecificCause(e).getMessage();
        return SandboxControlController.error(HttpStatus.BAD_REQUEST, "INVALID_SANDBOX_CONTROL", reason);
    }
}
