package io.mmg.gateway.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole gateway configured as for production: no sandbox (so no simulators: no payments are made here), an
 * https public URL, two keys for secrets at rest ({@link #OLD_KEY} rotated out, {@link #CURRENT_KEY} current),
 * and the test profile's admin key. One Spring context shared by every class using it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@GatewayIntegrationTest
@TestPropertySource(properties = {
        "gateway.sandbox.enabled=false",
        "gateway.public-url=https://gateway.example.com",
        "gateway.secrets.keys=" + ProductionLikeGateway.CURRENT_KEY + "," + ProductionLikeGateway.OLD_KEY})
public @interface ProductionLikeGateway {

    String CURRENT_KEY = "k2:AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI=";
    String OLD_KEY = "k1:AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=";
}
