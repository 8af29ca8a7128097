package io.mmg.gateway.sandbox;

/**
 * One request to a simulator, as the control layer sees it.
 *
 * @param operation simulator-defined name, e.g. {@code token}, {@code requesttopay}, {@code requesttopay-status}
 * @param scope     optional qualifier, e.g. the MTN product; faults and stats also know {@code scope/operation}
 * @param msisdn    the party's number when the request has one, so faults can target one test's numbers
 */
public record SandboxRequest(String operation, String scope, String msisdn) {

    /** {@code collection/token}, or just the operation when there is no scope. */
    public String qualifiedOperation() {
        return scope == null ? operation : scope + "/" + operation;
    }
}
