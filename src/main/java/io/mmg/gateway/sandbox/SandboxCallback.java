package io.mmg.gateway.sandbox;

import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A notification a simulator pushes to the merchant side, as a provider would.
 *
 * @param url         where to send it (never logged in full: it may carry a per-payment secret)
 * @param method      {@code PUT} or {@code POST}
 * @param body        the JSON body, built when it is sent
 * @param delay       how long after now
 * @param description what it is about, for logs, with any phone number already masked
 */
public record SandboxCallback(URI url, String method, Supplier<String> body, Duration delay, String description) {
}
