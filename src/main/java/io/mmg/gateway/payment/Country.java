package io.mmg.gateway.payment;

import java.util.List;
import java.util.Set;

/**
 * A market the gateway serves: how its phone numbers look and which currency and providers it has.
 * Numbers are E.164 digits without '+': {@code dialCode} followed by one of {@code nationalLengths} digits.
 */
public record Country(String code, String name, String dialCode, List<Integer> nationalLengths, String currency,
                      Set<Provider> providers) {

    public boolean matches(String msisdn) {
        return msisdn.startsWith(dialCode) && nationalLengths.contains(msisdn.length() - dialCode.length());
    }

    /** A syntactically valid number, for error messages. */
    public String example() {
        return dialCode + "7".repeat(nationalLengths.get(0));
    }
}
