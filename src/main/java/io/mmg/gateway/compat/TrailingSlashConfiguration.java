package io.mmg.gateway.compat;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.UrlHandlerFilter;

/**
 * The M-Pesa checkout API's clients call {@code /api/payment/mpesa/} with a trailing slash, as its documentation writes it. The
 * REST DSL registers paths without one and Spring no longer matches a trailing slash, so an API path that ends
 * with one is served as the same path without it (for every route file, including an engineer's own adapters).
 */
@Configuration(proxyBeanMethods = false)
public class TrailingSlashConfiguration {

    @Bean
    FilterRegistrationBean<UrlHandlerFilter> apiTrailingSlash() {
        FilterRegistrationBean<UrlHandlerFilter> registration =
                new FilterRegistrationBean<>(UrlHandlerFilter.trailingSlashHandler("/api/**").wrapRequest().build());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
