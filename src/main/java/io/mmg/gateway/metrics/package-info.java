/**
 * What operators see at /actuator/prometheus beyond the JVM and HTTP server: Camel's route metrics, the payment
 * flow's business meters (README "Metrics"), and gauges read from the database at scrape time.
 */
package io.mmg.gateway.metrics;
