/**
 * What operators see of a running gateway: the payment id on every log line of its processing, one line per
 * status change, and the provider circuits in the readiness check (README "Logs and health").
 */
package io.mmg.gateway.observability;
