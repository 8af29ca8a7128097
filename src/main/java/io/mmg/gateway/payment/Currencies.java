package io.mmg.gateway.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;

/**
 * Minor units of the currencies the gateway moves. UGX, RWF, XAF, XOF and GNF have none (ISO 4217);
 * KES has cents in ISO 4217 but M-Pesa only takes whole shillings (docs/providers.md#daraja-stk-push), so the
 * gateway treats it as having none. EUR is the MTN sandbox's only currency.
 */
public final class Currencies {

    private static final Map<String, Integer> MINOR_UNITS = Map.ofEntries(
            Map.entry("UGX", 0), Map.entry("GHS", 2), Map.entry("RWF", 0), Map.entry("ZMW", 2),
            Map.entry("NGN", 2), Map.entry("XOF", 0), Map.entry("XAF", 0), Map.entry("GNF", 0),
            Map.entry("KES", 0), Map.entry("EUR", 2));

    private Currencies() {
    }

    public static boolean isSupported(String currency) {
        return MINOR_UNITS.containsKey(currency);
    }

    public static Optional<Integer> minorUnits(String currency) {
        return Optional.ofNullable(MINOR_UNITS.get(currency));
    }

    /** True when the amount has no more decimals than the currency allows (1.50 GHS yes, 1.5 UGX no). */
    public static boolean fitsMinorUnits(BigDecimal amount, String currency) {
        return amount.stripTrailingZeros().scale() <= MINOR_UNITS.getOrDefault(currency, 0);
    }

    /** The amount with exactly the currency's decimals, as a plain string: "1000", "10.50". */
    public static String format(BigDecimal amount, String currency) {
        return amount.setScale(MINOR_UNITS.getOrDefault(currency, 2), RoundingMode.UNNECESSARY).toPlainString();
    }

    /**
     * The amount for people to read (receipts): ISO code, thousands grouped with commas, the decimals the
     * provider moves: "UGX 15,000", "KES 1,000" (M-Pesa moves whole shillings), "GHS 1,250.50", "EUR 5.00".
     * Written by hand rather than with a locale's number format, so it reads the same on every server.
     */
    public static String display(BigDecimal amount, String currency) {
        String plain = format(amount.abs(), currency);
        int point = plain.indexOf('.');
        String whole = point < 0 ? plain : plain.substring(0, point);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped.append(',');
            }
            grouped.append(whole.charAt(i));
        }
        return currency + " " + (amount.signum() < 0 ? "-" : "") + grouped + (point < 0 ? "" : plain.substring(point));
    }
}
