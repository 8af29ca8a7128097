package io.mmg.gateway.sandbox.mpesa;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * One line of {@code stk-rules} or {@code b2c-rules}: which outcome a request gets. A rule applies when all
 * its given conditions hold; the first one that applies wins.
 *
 * @param msisdn       regular expression the whole customer number must match; null = any number
 * @param amount       the exact amount in whole shillings; null = any amount
 * @param resultCode   the ResultCode of the callback or Result ("0" success, "1032", "SFC_IC0003", ...);
 *                     {@code $1} stands for the msisdn expression's first group; default "0"
 * @param delay        how long until the result; null = {@code callback-delay}
 * @param queueTimeout B2C only: the request times out in the queue and is never processed; QueueTimeOutURL
 *                     is notified instead of ResultURL
 */
public record MpesaSandboxRule(String msisdn, BigDecimal amount, String resultCode, Duration delay,
                               Boolean queueTimeout) {

    public MpesaSandboxRule {
        resultCode = resultCode == null || resultCode.isBlank() ? "0" : resultCode.trim();
        queueTimeout = Boolean.TRUE.equals(queueTimeout);
        if (delay != null && delay.isNegative()) {
            throw new IllegalArgumentException("A sandbox rule's delay must not be negative");
        }
    }
}
