package io.mmg.gateway.sandbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Marks a bean that belongs to the offline provider sandbox. With {@code gateway.sandbox.enabled=false}
 * (production) none of them exists, so nothing under {@code /sandbox/**} is served.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(prefix = "gateway.sandbox", name = "enabled", havingValue = "true", matchIfMissing = true)
public @interface ConditionalOnSandbox {
}
