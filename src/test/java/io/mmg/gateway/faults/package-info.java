/**
 * The fault suite (docs/reliability.md): the packaged gateway run as real processes against the simulators in a
 * process of their own, killed with {@code kill -9}, doubled, and served by a provider that fails in every way the
 * issue lists. Every promise is counted on the provider's side: what the simulator created per order, what it was
 * asked per payment and per second. Run by failsafe in {@code verify}; {@code -Pfaults-long} for the long form.
 */
package io.mmg.gateway.faults;
