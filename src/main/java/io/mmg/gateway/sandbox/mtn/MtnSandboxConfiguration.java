package io.mmg.gateway.sandbox.mtn;

import io.mmg.gateway.sandbox.ConditionalOnSandbox;
import io.mmg.gateway.sandbox.SandboxControl;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The MTN MoMo simulator served under {@code /sandbox/mtn} (docs/developing.md#sandbox-simulators). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSandbox
@EnableConfigurationProperties(MtnSandboxProperties.class)
public class MtnSandboxConfiguration {

    /** Name in {@code /sandbox/control/{simulator}}. */
    public static final String SIMULATOR = "mtn";

    @Bean
    MtnSandboxSettings mtnSandboxSettings(MtnSandboxProperties properties) {
        return new MtnSandboxSettings(properties);
    }

    @Bean
    SandboxControl mtnSandboxControl(MtnSandboxSettings settings) {
        return new SandboxControl(SIMULATOR, MtnSandboxConfiguration::faultAnswer, settings::apply);
    }

    /** What MoMo (or APIM in front of it) answers with for an injected status (docs/providers.md#mtn-errors). */
    static ResponseEntity<Object> faultAnswer(int status) {
        Object body = switch (status) {
            case 400 -> MtnErrorBody.of(MtnErrorReason.VALIDATION_ERROR);
            case 401 -> MtnApimErrorBody.INVALID_SUBSCRIPTION_KEY;
            case 403 -> MtnApimErrorBody.FORBIDDEN_IP;
            case 404 -> MtnErrorBody.of(MtnErrorReason.RESOURCE_NOT_FOUND);
            case 409 -> MtnErrorBody.of(MtnErrorReason.RESOURCE_ALREADY_EXIST);
            case 429 -> MtnApimErrorBody.RATE_LIMITED;
            case 500 -> MtnErrorBody.of(MtnErrorReason.INTERNAL_PROCESSING_ERROR);
            case 503 -> MtnErrorBody.of(MtnErrorReason.SERVICE_UNAVAILABLE);
            default -> null;
        };
        return ResponseEntity.status(HttpStatus.valueOf(status)).body(body);
    }
}
