package io.mmg.gateway.provider;

/** A provider's raw HTTP answer, as captured by the provider's http route. */
public record ProviderReply(int status, String body) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
