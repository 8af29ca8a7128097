package io.mmg.gateway.sandbox.mpesa;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/** Ids in the shapes Daraja gives them (docs/providers.md#daraja-stk-push, #daraja-b2c, #daraja-simulator-checks). Times are Kenyan. */
final class MpesaSandboxIds {

    static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");
    private static final DateTimeFormatter CHECKOUT = DateTimeFormatter.ofPattern("ddMMyyyyHHmmssSSS");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String ALPHANUMERIC = LETTERS + "0123456789";

    private MpesaSandboxIds() {
    }

    /** {@code ws_CO_<ddMMyyyyHHmmssSSS><msisdn>}, e.g. ws_CO_1007202409152617172396192. */
    static String checkoutRequestId(Instant now, String msisdn) {
        return "ws_CO_" + CHECKOUT.format(now.atZone(NAIROBI)) + msisdn;
    }

    /** Like 29115-34620561-1. */
    static String merchantRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return random.nextInt(1000, 100_000) + "-" + random.nextInt(1_000_000, 100_000_000) + "-1";
    }

    /** Daraja's own OriginatorConversationID when the caller chose none, like 10819-695089-1. */
    static String originatorConversationId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return random.nextInt(1000, 100_000) + "-" + random.nextInt(100_000, 10_000_000) + "-1";
    }

    /** {@code AG_<yyyyMMdd>_<20 hex>}, e.g. AG_20240706_20106e9209f64bebd05b. */
    static String conversationId(Instant now) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder id = new StringBuilder("AG_").append(DAY.format(now.atZone(NAIROBI))).append('_');
        for (int i = 0; i < 20; i++) {
            id.append(Character.forDigit(random.nextInt(16), 16));
        }
        return id.toString();
    }

    /** A 10-character M-Pesa receipt, a letter then letters and digits: NLJ7RT61SV. */
    static String receipt() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder receipt = new StringBuilder(10).append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        for (int i = 1; i < 10; i++) {
            receipt.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return receipt.toString();
    }

    /** The TransactionID of a result that moved no money: a receipt prefix and zeros, e.g. MAS0000000. */
    static String noTransaction() {
        return receipt().substring(0, 3) + "0000000";
    }

    /** yyyyMMddHHmmss in Kenyan time, as a number (STK TransactionDate, FinalisedTime, ...). */
    static long timestamp(Instant at) {
        return Long.parseLong(TIMESTAMP.format(at.atZone(NAIROBI)));
    }

    static String timestampText(Instant at) {
        return TIMESTAMP.format(at.atZone(NAIROBI));
    }
}
