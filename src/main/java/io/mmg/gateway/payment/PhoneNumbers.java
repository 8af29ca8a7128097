package io.mmg.gateway.payment;

import java.util.regex.Pattern;

/** Normalises what people type ("+256 772-123 456", "00256772123456") to E.164 digits without '+'. */
public final class PhoneNumbers {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-().]");
    private static final Pattern DIGITS = Pattern.compile("\\d{8,15}");

    private PhoneNumbers() {
    }

    /** The digits of the number, or null when it cannot be an international number at all. */
    public static String normalise(String raw) {
        String compact = SEPARATORS.matcher(raw.trim()).replaceAll("");
        if (compact.startsWith("+")) {
            compact = compact.substring(1);
        } else if (compact.startsWith("00")) {
            compact = compact.substring(2);
        }
        return DIGITS.matcher(compact).matches() ? compact : null;
    }

    /**
     * A phone number fit for logs: the country code and the last three digits ("256******456").
     * Full numbers never go to logs.
     */
    public static String mask(String msisdn) {
        if (msisdn == null || msisdn.length() < 7) {
            return "***";
        }
        return msisdn.substring(0, 3) + "*".repeat(msisdn.length() - 6) + msisdn.substring(msisdn.length() - 3);
    }
}
