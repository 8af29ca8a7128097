package io.mmg.gateway.sandbox.mpesa;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code gateway.sandbox.mpesa.*}: the Daraja simulator's credentials, timings and outcome rules.
 *
 * @param consumerKey              the Daraja app's consumer key (HTTP Basic user on /oauth/v1/generate)
 * @param consumerSecret           its consumer secret
 * @param tokenTtl                 access token lifetime; {@code expires_in} says it in seconds, as a string (docs/providers.md#daraja-oauth)
 * @param tokenInvalidatesPrevious a new token invalidates the app's previous one (Daraja's FAQ, UNCONFIRMED)
 * @param passkeys                 Lipa Na M-Pesa shortcodes and their passkeys (174379: the test paybill, docs/providers.md#daraja-sandbox)
 * @param initiators               initiator names the B2C, reversal, status and balance APIs accept
 * @param callbackDelay            from a request to its callback or Result
 * @param duplicateWindow          rule 17: the same amount to the same number within it fails; zero = off
 * @param utilityBalance           starting Utility Account balance of every organisation shortcode
 * @param maxTransactions          bound of the in-memory ledger; the oldest are evicted
 * @param stkRules                 which STK outcome a push gets (first match), else success
 * @param b2cRules                 which Result a B2C payment gets (first match), else success
 */
@ConfigurationProperties("gateway.sandbox.mpesa")
public record MpesaSandboxProperties(String consumerKey, String consumerSecret, Duration tokenTtl,
                                     Boolean tokenInvalidatesPrevious, Map<String, String> passkeys,
                                     List<String> initiators, Duration callbackDelay, Duration duplicateWindow,
                                     BigDecimal utilityBalance, Integer maxTransactions,
                                     List<MpesaSandboxRule> stkRules, List<MpesaSandboxRule> b2cRules) {

    /** Daraja's test paybill and its passkey (docs/providers.md#daraja-sandbox). */
    static final String TEST_SHORT_CODE = "174379";
    static final String TEST_PASSKEY = "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919";

    public MpesaSandboxProperties {
        consumerKey = consumerKey == null ? "sandboxMpesaConsumerKey0123456789" : consumerKey;
        consumerSecret = consumerSecret == null ? "sandboxMpesaSecret01" : consumerSecret;
        tokenTtl = tokenTtl == null ? Duration.ofSeconds(3599) : tokenTtl;
        tokenInvalidatesPrevious = Boolean.TRUE.equals(tokenInvalidatesPrevious);
        passkeys = passkeys == null || passkeys.isEmpty() ? Map.of(TEST_SHORT_CODE, TEST_PASSKEY) : Map.copyOf(passkeys);
        initiators = initiators == null || initiators.isEmpty() ? List.of("testapi") : List.copyOf(initiators);
        callbackDelay = callbackDelay == null ? Duration.ofSeconds(1) : callbackDelay;
        duplicateWindow = duplicateWindow == null ? Duration.ofMinutes(2) : duplicateWindow;
        utilityBalance = utilityBalance == null ? new BigDecimal("10000000") : utilityBalance;
        maxTransactions = maxTransactions == null || maxTransactions <= 0 ? 200_000 : maxTransactions;
        stkRules = stkRules == null ? List.of() : List.copyOf(stkRules);
        b2cRules = b2cRules == null ? List.of() : List.copyOf(b2cRules);
    }
}
