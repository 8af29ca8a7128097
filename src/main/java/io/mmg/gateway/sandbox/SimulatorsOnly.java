package io.mmg.gateway.sandbox;

import java.io.IOException;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Profiles;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * The {@code simulators} profile: the same jar serves only the provider simulators ({@code /sandbox/**}), without
 * the gateway's routes, database, poller or API, so a fault test can kill a gateway while the provider side keeps
 * its memory and counts (docs/sandbox.md "Simulators as their own process"). Component scanning then skips every
 * class of the gateway outside this package; {@code application-simulators.yaml} turns off Camel, the database,
 * Flyway and Quartz.
 */
public class SimulatorsOnly implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String PROFILE = "simulators";

    private static final String GATEWAY_PACKAGE = "io.mmg.gateway.";
    private static final String SANDBOX_PACKAGE = SimulatorsOnly.class.getPackageName() + ".";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (context.getEnvironment().acceptsProfiles(Profiles.of(PROFILE))) {
            context.getBeanFactory().registerSingleton(GatewayComponentsExcluded.class.getName(),
                    new GatewayComponentsExcluded());
        }
    }

    /** Found by Spring Boot's component scan as a {@link TypeExcludeFilter} bean. */
    static final class GatewayComponentsExcluded extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            String type = reader.getClassMetadata().getClassName();
            return type.startsWith(GATEWAY_PACKAGE) && !type.startsWith(SANDBOX_PACKAGE);
        }

        @Override
        public boolean equals(Object other) {
            return other != null && other.getClass() == getClass();
        }

        @Override
        public int hashCode() {
            return getClass().hashCode();
        }
    }
}
