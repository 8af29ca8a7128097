package io.mmg.gateway.sandbox.mtn;

import java.math.BigDecimal;
import java.util.Optional;

/** MoMo amounts are decimal strings; the sandbox echoes them normalised, "6.0" as "6" (docs/providers.md#mtn-authentication). */
final class MtnAmount {

    private MtnAmount() {
    }

    /** The amount without trailing zeros, or empty when it is not a positive decimal number. */
    static Optional<String> normalise(String amount) {
        if (amount == null || amount.isBlank()) {
            return Optional.empty();
        }
        try {
            BigDecimal value = new BigDecimal(amount.trim());
            if (value.signum() <= 0) {
                return Optional.empty();
            }
            return Optional.of(value.stripTrailingZeros().toPlainString());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
