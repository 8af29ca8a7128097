package io.mmg.gateway.sandbox;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of the simulators' control API (/sandbox/control/...), whose refusals {@link SandboxControlErrors}
 * answers as 400: a mark rather than a list of classes, so this package names none of its simulators' packages.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface SandboxControlApi {
}
