/**
 * Cancellation of payments (docs/cancellation.md): the cancel API, the poller's automatic refund of a cancelled
 * collection the customer paid after all, and the gauges that watch both.
 */
package io.mmg.gateway.cancellation;
