package io.mmg.gateway.sandbox.mpesa;

import io.mmg.gateway.sandbox.ConditionalOnSandbox;
import io.mmg.gateway.sandbox.SandboxControl;
import io.mmg.gateway.sandbox.SandboxFault;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;

/** The Daraja simulator served under {@code /sandbox/mpesa} (docs/developing.md#sandbox-simulators). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSandbox
@EnableConfigurationProperties(MpesaSandboxProperties.class)
public class MpesaSandboxConfiguration {

    /** Name in {@code /sandbox/control/{simulator}}. */
    public static final String SIMULATOR = "mpesa";

    @Bean
    MpesaSandboxSettings mpesaSandboxSettings(MpesaSandboxProperties properties) {
        return new MpesaSandboxSettings(properties);
    }

    @Bean
    SandboxControl mpesaSandboxControl(MpesaSandboxSettings settings) {
        return SandboxControl.answeringFaults(SIMULATOR, MpesaSandboxConfiguration::faultAnswer, settings::apply);
    }

    /**
     * Daraja's envelope for an injected fault: the fault's {@code errorCode} (e.g. 500.003.02 Spike Arrest) or
     * the usual code for its status (docs/providers.md#daraja-errors). Statuses Daraja has no code for (502, 503, 504) come with no body, as
     * from a proxy in front of it.
     */
    static ResponseEntity<Object> faultAnswer(SandboxFault fault) {
        String code = fault.errorCode() != null ? fault.errorCode() : switch (fault.httpStatus()) {
            case 400 -> MpesaErrorBody.INVALID_FIELD;
            case 401 -> "401.002.01";
            case 404 -> MpesaErrorBody.INVALID_ACCESS_TOKEN;
            case 405 -> MpesaErrorBody.METHOD_NOT_ALLOWED;
            case 429 -> MpesaErrorBody.SPIKE_ARREST;
            case 500 -> MpesaErrorBody.INTERNAL_ERROR;
            default -> null;
        };
        return ResponseEntity.status(fault.httpStatus()).body(code == null ? null : MpesaErrorBody.of(code));
    }
}
