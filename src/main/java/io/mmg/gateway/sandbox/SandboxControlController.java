package io.mmg.gateway.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets tests and developers make a simulator misbehave and see what it was asked.
 * <ul>
 *   <li>{@code GET|PUT|DELETE /sandbox/control/{simulator}}: latency, faults and setting overrides
 *       (DELETE also zeroes the counters)</li>
 *   <li>{@code POST /sandbox/control/{simulator}/faults}: add one fault, keeping the others</li>
 *   <li>{@code GET|DELETE /sandbox/control/{simulator}/stats[?msisdn=]}: request counts per operation</li>
 *   <li>{@code GET /sandbox/control/{simulator}/references}: requests per transaction reference, and the references
 *       created per externalId (a second charge shows as two)</li>
 *   <li>{@code GET /sandbox/control/{simulator}/timeline?operation=}: requests of an operation per second</li>
 * </ul>
 */
@RestController
@SandboxControlApi
@ConditionalOnSandbox
@RequestMapping("/sandbox/control/{simulator}")
public class SandboxControlController {

    private final Map<String, SandboxControl> controls;

    public SandboxControlController(List<SandboxControl> controls) {
        this.controls = controls.stream()
                .collect(Collectors.toUnmodifiableMap(SandboxControl::simulator, Function.identity()));
    }

    @GetMapping
    public SandboxBehaviour behaviour(@PathVariable String simulator) {
        return control(simulator).behaviour();
    }

    @PutMapping
    public SandboxBehaviour replace(@PathVariable String simulator, @RequestBody SandboxBehaviour behaviour) {
        return control(simulator).replace(behaviour);
    }

    @PostMapping("/faults")
    public SandboxBehaviour addFault(@PathVariable String simulator, @RequestBody SandboxFault fault) {
        return control(simulator).add(fault);
    }

    @DeleteMapping
    public ResponseEntity<Void> reset(@PathVariable String simulator) {
        control(simulator).reset();
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/stats")
    public Map<String, Object> stats(@PathVariable String simulator,
                                     @RequestParam(required = false) String msisdn) {
        SandboxStats stats = control(simulator).stats();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("simulator", simulator);
        if (msisdn != null) {
            body.put("msisdn", msisdn);
        }
        body.put("requests", msisdn == null ? stats.requests() : stats.requests(msisdn));
        return body;
    }

    @GetMapping("/references")
    public Map<String, Object> references(@PathVariable String simulator) {
        SandboxReferences references = control(simulator).references();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("simulator", simulator);
        body.put("createdByExternalId", references.createdByExternalId());
        body.put("references", references.references());
        return body;
    }

    @GetMapping("/timeline")
    public Map<String, Object> timeline(@PathVariable String simulator, @RequestParam String operation) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("simulator", simulator);
        body.put("operation", operation);
        body.put("perSecond", control(simulator).timeline().perSecond(operation));
        return body;
    }

    @DeleteMapping("/stats")
    public ResponseEntity<Void> resetStats(@PathVariable String simulator) {
        control(simulator).resetStats();
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(UnknownSimulatorException.class)
    ResponseEntity<Map<String, String>> unknownSimulator(UnknownSimulatorException e) {
        return error(HttpStatus.NOT_FOUND, "UNKNOWN_SIMULATOR", e.getMessage());
    }

    private SandboxControl control(String simulator) {
        SandboxControl control = controls.get(simulator);
        if (control == null) {
            throw new UnknownSimulatorException(simulator, controls.keySet());
        }
        return control;
    }

    static ResponseEntity<Map<String, String>> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(Map.of("error", String.valueOf(message), "code", code));
    }

    static final class UnknownSimulatorException extends RuntimeException {
        UnknownSimulatorException(String simulator, java.util.Set<String> known) {
            super("No sandbox simulator '" + simulator + "'; known: " + known);
        }
    }
}
