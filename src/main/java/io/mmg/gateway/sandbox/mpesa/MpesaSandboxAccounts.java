package io.mmg.gateway.sandbox.mpesa;

import io.mmg.gateway.sandbox.ConditionalOnSandbox;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The organisations' M-Pesa accounts, per shortcode: collections land in the Working Account, B2C payments
 * leave the Utility Account, reversals take back from the Working Account (docs/providers.md#daraja-account-balance).
 */
@Component
@ConditionalOnSandbox
public class MpesaSandboxAccounts {

    private final Map<String, Balances> accounts = new ConcurrentHashMap<>();
    private final BigDecimal utilityBalance;

    public MpesaSandboxAccounts(MpesaSandboxProperties properties) {
        this.utilityBalance = properties.utilityBalance();
    }

    void collect(String shortCode, BigDecimal amount) {
        balances(shortCode).add(amount, BigDecimal.ZERO);
    }

    /** False, and nothing moves, when the Utility Account cannot pay it (B2C ResultCode 1). */
    boolean payOut(String shortCode, BigDecimal amount) {
        return balances(shortCode).takeFromUtility(amount);
    }

    void returnToUtility(String shortCode, BigDecimal amount) {
        balances(shortCode).add(BigDecimal.ZERO, amount);
    }

    void reverse(String shortCode, BigDecimal amount) {
        balances(shortCode).add(amount.negate(), BigDecimal.ZERO);
    }

    /** The AccountBalance result parameter: accounts separated by '&amp;', fields by '|' (docs/providers.md#daraja-account-balance). */
    String describe(String shortCode) {
        Balances balances = balances(shortCode);
        return account("Working Account", balances.working()) + "&" + account("Float Account", BigDecimal.ZERO)
                + "&" + account("Utility Account", balances.utility()) + "&"
                + account("Charges Paid Account", BigDecimal.ZERO) + "&"
                + account("Organization Settlement Account", BigDecimal.ZERO);
    }

    BigDecimal utility(String shortCode) {
        return balances(shortCode).utility();
    }

    BigDecimal working(String shortCode) {
        return balances(shortCode).working();
    }

    private Balances balances(String shortCode) {
        return accounts.computeIfAbsent(shortCode, code -> new Balances(BigDecimal.ZERO, utilityBalance));
    }

    private static String account(String name, BigDecimal amount) {
        String value = amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
        return name + "|KES|" + value + "|" + value + "|0.00|0.00";
    }

    private static final class Balances {
        private BigDecimal working;
        private BigDecimal utility;

        Balances(BigDecimal working, BigDecimal utility) {
            this.working = working;
            this.utility = utility;
        }

        synchronized void add(BigDecimal toWorking, BigDecimal toUtility) {
            working = working.add(toWorking);
            utility = utility.add(toUtility);
        }

        synchronized boolean takeFromUtility(BigDecimal amount) {
            if (utility.compareTo(amount) < 0) {
                return false;
            }
            utility = utility.subtract(amount);
            return true;
        }

        synchronized BigDecimal working() {
            return working;
        }

        synchronized BigDecimal utility() {
            return utility;
        }
    }
}
