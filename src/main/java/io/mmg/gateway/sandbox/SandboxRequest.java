package io.mmg.gateway.sandbox;

/**
 * One request to a simulator, as the control layer sees it.
 *
 * @param operation simulator-defined name, e.g. {@code token}, {@code requesttopay}, {@code requesttopay-status}
 * @param scope     optional qualifier, e.g. the MTN product; faults and stats also know {@code scope/operation}
 * @param msisdn    the party's number when the request has one, so faults can target one test's numbers
 * @param reference the caller's reference of the transaction the request creates or asks about (MTN's
 *                  {@code X-Reference-Id}, the gateway's payment id), when it has one: counted per reference so a
 *                  test can see a second charge or two status queries about one payment at once
 */
public record SandboxRequest(String operation, String scope, String msisdn, String reference) {

    public SandboxRequest(String operation, String scope, String msisdn) {
        this(operation, scope, msisdn, null);
    }

    /** {@code collection/token}, or just the operation when there is no scope. */
    public String qualifiedOperation() {
        return scope == null ? operation : scope + "/" + operation;
    }
}
