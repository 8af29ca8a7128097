package io.mmg.gateway.security;

/**
 * A setting the gateway refuses to start with: what is wrong, in one line, and how to fix it, in another.
 * {@link UnsafeConfigurationFailureAnalyzer} prints both as Spring Boot's start-up failure report, without a
 * stack trace. Messages never carry a secret's value, only the setting's name.
 */
public class UnsafeConfigurationException extends RuntimeException {

    private final String fix;

    public UnsafeConfigurationException(String reason, String fix) {
        super(reason);
        this.fix = fix;
    }

    public String reason() {
        return getMessage();
    }

    public String fix() {
        return fix;
    }
}
