package io.mmg.gateway.sandbox;

/** Phone numbers are personal data: logs show only enough of one to tell two apart. */
public final class PhoneNumberMask {

    private static final int VISIBLE = 4;

    private PhoneNumberMask() {
    }

    /** {@code 256772123456} becomes {@code 2567****3456}; short or missing values are hidden entirely. */
    public static String mask(String msisdn) {
        if (msisdn == null || msisdn.isBlank()) {
            return "-";
        }
        if (msisdn.length() <= 2 * VISIBLE) {
            return "****";
        }
        return msisdn.substring(0, VISIBLE) + "****" + msisdn.substring(msisdn.length() - VISIBLE);
    }
}
