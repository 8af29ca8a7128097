package io.mmg.gateway.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure the caller is told about in the gateway's error format. Beans throw it; the routes'
 * onException (routes/errors.yaml) turns it into the HTTP answer.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final Map<String, Object> details;

    public ApiException(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    public ApiException(ErrorCode code, String message, Map<String, ?> details) {
        super(message, null, false, false);
        this.code = code;
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static ApiException invalidField(String field, String message) {
        return new ApiException(ErrorCode.INVALID_REQUEST, message, Map.of("field", field));
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
