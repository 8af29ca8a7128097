package io.mmg.gateway.support;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Distinct Ugandan (and Kenyan) numbers per test, so simulator faults scoped to a number never hit another test.
 * (Any number that is not a magic test number succeeds in the MTN sandbox, docs/providers.md#mtn-sandbox.)
 */
public final class Phones {

    private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 100_000_000L);

    private Phones() {
    }

    public static String uganda() {
        return "2567" + String.format("%08d", NEXT.incrementAndGet() % 100_000_000L);
    }

    /** A Cameroonian MTN number (the MoMo payments API and 001 serve Cameroon). */
    public static String cameroon() {
        return "2376" + String.format("%08d", NEXT.incrementAndGet() % 100_000_000L);
    }

    /** A Ghanaian MTN number (GHS has two decimals). */
    public static String ghana() {
        return "2335" + String.format("%08d", NEXT.incrementAndGet() % 100_000_000L);
    }

    /** A Kenyan Safaricom number outside the M-Pesa sandbox's rule blocks (25470000xxxx, 2547110xxxxx, ...). */
    public static String kenya() {
        return "25472" + String.format("%07d", NEXT.incrementAndGet() % 10_000_000L);
    }
}
