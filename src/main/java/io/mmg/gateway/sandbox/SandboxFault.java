package io.mmg.gateway.sandbox;

/**
 * A misbehaviour a simulator is told to show, through {@code PUT /sandbox/control/{simulator}}.
 *
 * @param operation            simulator operation name, {@code scope/operation}, or {@code *} for every request
 * @param msisdn               when set, only requests whose party is this number are hit (parallel tests stay apart)
 * @param times                how many matching requests it hits; -1 = until cleared
 * @param httpStatus           answer this status with the provider's error body for it, without processing
 * @param delayMs              wait this long, before processing or (see next) before answering
 * @param delayAfterProcessing process first, then wait: the provider has the resource but the answer is late
 * @param suppressCallback     process normally but never send the callback
 * @param errorCode            with {@code httpStatus}: the provider's own error code to answer with, for simulators
 *                             whose error bodies carry one (M-Pesa {@code 500.003.02} Spike Arrest); null = the
 *                             simulator's usual code for that status
 * @param retryAfterSeconds    with {@code httpStatus} (429, 503): a {@code Retry-After} header with this many seconds
 * @param dropConnection       process the request, then close the connection without a byte of answer: the provider
 *                             has it, the caller never learns it (a reset or a dead proxy after the request was read)
 * @param invalidJson          answer with the status the request would get but a body that is not JSON (truncated);
 *                             with {@code httpStatus}, that error answer's body is the truncated one
 */
public record SandboxFault(String operation, String msisdn, Integer times, Integer httpStatus, Long delayMs,
                           Boolean delayAfterProcessing, Boolean suppressCallback, String errorCode,
                           Integer retryAfterSeconds, Boolean dropConnection, Boolean invalidJson) {

    static final long MAX_DELAY_MS = 600_000;
    public static final int UNTIL_CLEARED = -1;

    public SandboxFault {
        operation = operation == null || operation.isBlank() ? "*" : operation.trim();
        msisdn = msisdn == null || msisdn.isBlank() ? null : msisdn.trim();
        times = times == null ? UNTIL_CLEARED : times;
        delayMs = delayMs == null ? 0L : delayMs;
        delayAfterProcessing = Boolean.TRUE.equals(delayAfterProcessing);
        suppressCallback = Boolean.TRUE.equals(suppressCallback);
        errorCode = errorCode == null || errorCode.isBlank() ? null : errorCode.trim();
        dropConnection = Boolean.TRUE.equals(dropConnection);
        invalidJson = Boolean.TRUE.equals(invalidJson);
        if (times == 0 || times < UNTIL_CLEARED) {
            throw new IllegalArgumentException("times must be a positive count or -1 (until cleared), not " + times);
        }
        if (httpStatus != null && (httpStatus < 400 || httpStatus > 599)) {
            throw new IllegalArgumentException("httpStatus must be a 4xx or 5xx status, not " + httpStatus);
        }
        if (delayMs < 0 || delayMs > MAX_DELAY_MS) {
            throw new IllegalArgumentException("delayMs must be between 0 and " + MAX_DELAY_MS);
        }
        if (retryAfterSeconds != null && (httpStatus == null || retryAfterSeconds < 0)) {
            throw new IllegalArgumentException("retryAfterSeconds needs an httpStatus and must be 0 or more");
        }
        if (dropConnection && (httpStatus != null || invalidJson)) {
            throw new IllegalArgumentException("dropConnection answers nothing: it cannot have an httpStatus or invalidJson");
        }
    }

    public SandboxFault(String operation, String msisdn, Integer times, Integer httpStatus, Long delayMs,
                        Boolean delayAfterProcessing, Boolean suppressCallback, String errorCode) {
        this(operation, msisdn, times, httpStatus, delayMs, delayAfterProcessing, suppressCallback, errorCode,
                null, false, false);
    }

    public SandboxFault(String operation, String msisdn, Integer times, Integer httpStatus, Long delayMs,
                        Boolean delayAfterProcessing, Boolean suppressCallback) {
        this(operation, msisdn, times, httpStatus, delayMs, delayAfterProcessing, suppressCallback, null);
    }

    /** A fault that answers {@code httpStatus} the next {@code times} requests of an operation. */
    public static SandboxFault failing(String operation, int times, int httpStatus) {
        return new SandboxFault(operation, null, times, httpStatus, 0L, false, false);
    }

    boolean matches(SandboxRequest request) {
        boolean operationMatches = "*".equals(operation)
                || operation.equalsIgnoreCase(request.operation())
                || operation.equalsIgnoreCase(request.qualifiedOperation());
        return operationMatches && (msisdn == null || msisdn.equals(request.msisdn()));
    }

    SandboxFault withTimes(int remaining) {
        return new SandboxFault(operation, msisdn, remaining, httpStatus, delayMs, delayAfterProcessing,
                suppressCallback, errorCode, retryAfterSeconds, dropConnection, invalidJson);
    }
}
