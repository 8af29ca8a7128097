package io.mmg.gateway.sandbox;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Latency, faults and request counts of one simulator. Every simulator request goes through
 * {@link #intercept}, so a test or a developer can make the provider slow, failing or silent without the
 * simulator's own code knowing about it.
 */
public class SandboxControl {

    /** The start of a plausible answer, cut off: no JSON parser accepts it. */
    static final String TRUNCATED_JSON = "{\"status\":\"SUCC";

    private final String simulator;
    private final Function<SandboxFault, ResponseEntity<Object>> faultAnswers;
    private final Consumer<Map<String, String>> settingsApplier;
    private final SandboxStats stats = new SandboxStats();
    private final SandboxReferences references = new SandboxReferences();
    private final SandboxTimeline timeline = new SandboxTimeline();
    private final List<ActiveFault> faults = new CopyOnWriteArrayList<>();
    private volatile long latencyMs;
    private volatile Map<String, String> settings = Map.of();

    /**
     * @param simulator       name in {@code /sandbox/control/{simulator}}
     * @param faultAnswers    the provider's own answer for an injected HTTP status (its error body)
     * @param settingsApplier validates and applies setting overrides (an empty map restores the configuration);
     *                        throws {@link IllegalArgumentException} for an unknown or invalid one
     */
    public SandboxControl(String simulator, IntFunction<ResponseEntity<Object>> faultAnswers,
                          Consumer<Map<String, String>> settingsApplier) {
        this(simulator, settingsApplier, fault -> faultAnswers.apply(fault.httpStatus()));
    }

    private SandboxControl(String simulator, Consumer<Map<String, String>> settingsApplier,
                           Function<SandboxFault, ResponseEntity<Object>> faultAnswers) {
        this.simulator = simulator;
        this.faultAnswers = faultAnswers;
        this.settingsApplier = settingsApplier;
    }

    /**
     * For a simulator whose error answers depend on more than the status: {@code faultAnswers} gets the whole
     * fault (e.g. its {@link SandboxFault#errorCode()}).
     */
    public static SandboxControl answeringFaults(String simulator,
                                                 Function<SandboxFault, ResponseEntity<Object>> faultAnswers,
                                                 Consumer<Map<String, String>> settingsApplier) {
        return new SandboxControl(simulator, settingsApplier, faultAnswers);
    }

    public String simulator() {
        return simulator;
    }

    public SandboxStats stats() {
        return stats;
    }

    public SandboxReferences references() {
        return references;
    }

    public SandboxTimeline timeline() {
        return timeline;
    }

    public synchronized SandboxBehaviour behaviour() {
        List<SandboxFault> current = faults.stream()
                .filter(ActiveFault::hasHitsLeft)
                .map(ActiveFault::describe)
                .toList();
        return new SandboxBehaviour(latencyMs, current, settings);
    }

    /** Replaces latency, faults and setting overrides; on an invalid setting nothing changes. */
    public synchronized SandboxBehaviour replace(SandboxBehaviour behaviour) {
        settingsApplier.accept(behaviour.settings());
        settings = behaviour.settings();
        latencyMs = behaviour.latencyMs();
        faults.clear();
        behaviour.faults().forEach(fault -> faults.add(new ActiveFault(fault)));
        return behaviour();
    }

    /** Adds one fault after the current ones, leaving other tests' faults in place. */
    public synchronized SandboxBehaviour add(SandboxFault fault) {
        faults.add(new ActiveFault(fault));
        return behaviour();
    }

    /** Back to a well-behaved simulator with its configured settings and zeroed counters. */
    public synchronized void reset() {
        settingsApplier.accept(Map.of());
        settings = Map.of();
        latencyMs = 0;
        faults.clear();
        resetStats();
    }

    public void resetStats() {
        stats.reset();
        references.reset();
        timeline.reset();
    }

    /**
     * Counts the request, adds the latency, then applies the first matching fault: answer an error status
     * without processing, or delay before or after processing, or process without a callback, or process and
     * then drop the connection or garble the answer.
     */
    public ResponseEntity<Object> intercept(SandboxRequest request,
                                            Function<SandboxCall, ResponseEntity<Object>> processing) {
        stats.count(request);
        timeline.count(request, System.currentTimeMillis());
        references.begin(request);
        try {
            pause(latencyMs);
            return takeFault(request).map(fault -> misbehave(fault, processing))
                    .orElseGet(() -> processing.apply(SandboxCall.NORMAL));
        } finally {
            references.end(request);
        }
    }

    private ResponseEntity<Object> misbehave(SandboxFault fault,
                                             Function<SandboxCall, ResponseEntity<Object>> processing) {
        if (fault.httpStatus() != null) {
            pause(fault.delayMs());
            ResponseEntity<Object> answer = faultAnswers.apply(fault);
            if (fault.retryAfterSeconds() != null) {
                answer = ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                        .header(HttpHeaders.RETRY_AFTER, String.valueOf(fault.retryAfterSeconds()))
                        .body(answer.getBody());
            }
            return fault.invalidJson() ? garbled(answer) : answer;
        }
        if (!fault.delayAfterProcessing()) {
            pause(fault.delayMs());
        }
        ResponseEntity<Object> answer = processing.apply(new SandboxCall(fault.suppressCallback()));
        if (fault.delayAfterProcessing()) {
            pause(fault.delayMs());
        }
        if (fault.dropConnection()) {
            SandboxConnectionDrops.dropCurrentConnection();
        }
        return fault.invalidJson() ? garbled(answer) : answer;
    }

    /** The same status, with a JSON body cut short: what a proxy's truncated or broken answer looks like. */
    private static ResponseEntity<Object> garbled(ResponseEntity<Object> answer) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(answer.getHeaders());
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.remove(HttpHeaders.CONTENT_LENGTH);
        return ResponseEntity.status(answer.getStatusCode()).headers(headers).body(TRUNCATED_JSON);
    }

    private Optional<SandboxFault> takeFault(SandboxRequest request) {
        for (ActiveFault fault : faults) {
            if (fault.fault.matches(request) && fault.tryHit()) {
                if (!fault.hasHitsLeft()) {
                    faults.remove(fault);
                }
                return Optional.of(fault.fault);
            }
        }
        return Optional.empty();
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A fault and the hits it has left; several request threads may race for the last one. */
    private static final class ActiveFault {
        private final SandboxFault fault;
        private final AtomicInteger remaining;

        ActiveFault(SandboxFault fault) {
            this.fault = fault;
            this.remaining = new AtomicInteger(fault.times());
        }

        boolean tryHit() {
            while (true) {
                int left = remaining.get();
                if (left == SandboxFault.UNTIL_CLEARED) {
                    return true;
                }
                if (left <= 0) {
                    return false;
                }
                if (remaining.compareAndSet(left, left - 1)) {
                    return true;
                }
            }
        }

        boolean hasHitsLeft() {
            int left = remaining.get();
            return left == SandboxFault.UNTIL_CLEARED || left > 0;
        }

        SandboxFault describe() {
            return fault.withTimes(remaining.get());
        }
    }
}
