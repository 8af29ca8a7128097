package io.mmg.gateway.routes;

import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Watches the routes folder (gateway.routes.dir) with the route check in front of each reload (CheckedRoutesReload). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${gateway.routes.dir:}'.isBlank()")
class CheckedRoutesReloadConfiguration {

    @Bean
    CamelContextConfiguration checkedRoutesReload(@Value("${gateway.routes.dir}") String dir,
                                                  @Value("${gateway.routes.allowed-schemes:" + RouteFolderCheck.DEFAULT_ALLOWED_SCHEMES + "}") String schemes) {
        RouteFolderCheck check = new RouteFolderCheck(KnownBeans.ofGateway(), RouteFiles.schemes(schemes));
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camelContext) {
                try {
                    camelContext.addService(new CheckedRoutesReload(Path.of(dir).toAbsolutePath().normalize(), check));
                } catch (Exception e) {
                    throw new IllegalStateException("Cannot watch the routes folder " + dir, e);
                }
            }

            @Override
            public void afterApplicationStart(CamelContext camelContext) {
                // nothing: the watcher starts with the context
            }
        };
    }
}
