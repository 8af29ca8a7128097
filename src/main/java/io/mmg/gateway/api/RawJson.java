package io.mmg.gateway.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonValue;

/** JSON text written into a reply as it is (stored jsonb columns). */
public record RawJson(@JsonValue @JsonRawValue String json) {
}
