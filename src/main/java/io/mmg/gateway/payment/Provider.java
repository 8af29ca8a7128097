package io.mmg.gateway.payment;

import java.util.Locale;
import java.util.Optional;

/** Mobile money providers the gateway talks to. */
public enum Provider {
    MTN_MOMO("MTN MoMo"),
    MPESA("M-Pesa");

    private final String displayName;

    Provider(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** Accepts the enum name in any case, plus the common short spellings ("MTN", "M-PESA"). */
    public static Optional<Provider> parse(String value) {
        String normalised = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return switch (normalised) {
            case "MTN_MOMO", "MTN", "MOMO" -> Optional.of(MTN_MOMO);
            case "MPESA", "M_PESA" -> Optional.of(MPESA);
            default -> Optional.empty();
        };
    }
}
