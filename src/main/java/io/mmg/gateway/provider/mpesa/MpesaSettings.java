package io.mmg.gateway.provider.mpesa;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * gateway.mpesa.*: where Daraja is, the app's credentials (one OAuth token for every product,
 * docs/providers.md#daraja-oauth) and each product's shortcode and initiator. Secrets come from the environment.
 */
@ConfigurationProperties("gateway.mpesa")
public record MpesaSettings(
        String baseUrl,
        String consumerKey,
        String consumerSecret,
        Duration tokenRefreshBefore,
        Stk stk,
        B2c b2c,
        Initiator reversal) {

    public MpesaSettings {
        consumerKey = consumerKey == null ? "" : consumerKey;
        consumerSecret = consumerSecret == null ? "" : consumerSecret;
        tokenRefreshBefore = tokenRefreshBefore == null ? Duration.ofMinutes(5) : tokenRefreshBefore;
        stk = stk == null ? new Stk(null, null, null, null, null) : stk;
        b2c = b2c == null ? new B2c(null, null, null, null) : b2c;
        reversal = reversal == null ? new Initiator(null, null) : reversal;
    }

    @Override
    public String toString() {
        return "MpesaSettings[baseUrl=" + baseUrl + ", stk=" + stk.businessShortCode() + ", b2c=" + b2c.shortCode()
                + ", secrets=***]";
    }

    /**
     * M-Pesa Express (docs/providers.md#daraja-stk-push).
     *
     * @param businessShortCode the paybill, or for a till the store/head-office number
     * @param passkey           the Lipa Na M-Pesa passkey of that shortcode
     * @param transactionType   CustomerPayBillOnline or CustomerBuyGoodsOnline
     * @param partyB            who receives the money: empty = the business short code; a till number for buy goods
     * @param accountReference  AccountReference when the payment has no externalId
     */
    public record Stk(String businessShortCode, String passkey, String transactionType, String partyB,
                      String accountReference) {

        public Stk {
            businessShortCode = businessShortCode == null ? "" : businessShortCode.trim();
            passkey = passkey == null ? "" : passkey;
            transactionType = transactionType == null || transactionType.isBlank()
                    ? "CustomerPayBillOnline" : transactionType.trim();
            partyB = partyB == null || partyB.isBlank() ? businessShortCode : partyB.trim();
            accountReference = accountReference == null || accountReference.isBlank() ? "Payment" : accountReference;
        }

        @Override
        public String toString() {
            return "Stk[businessShortCode=" + businessShortCode + ", partyB=" + partyB + ", passkey=***]";
        }
    }

    /** B2C (docs/providers.md#daraja-b2c): the paying shortcode, its initiator and the CommandID. */
    public record B2c(String shortCode, String initiatorName, String securityCredential, String commandId) {

        public B2c {
            shortCode = shortCode == null ? "" : shortCode.trim();
            initiatorName = initiatorName == null ? "" : initiatorName;
            securityCredential = securityCredential == null ? "" : securityCredential;
            commandId = commandId == null || commandId.isBlank() ? "BusinessPayment" : commandId.trim();
        }

        public Initiator initiator() {
            return new Initiator(initiatorName, securityCredential);
        }

        @Override
        public String toString() {
            return "B2c[shortCode=" + shortCode + ", initiatorName=" + initiatorName + ", securityCredential=***]";
        }
    }

    /** An API operator of a shortcode: its name and SecurityCredential (the encrypted password, docs/providers.md#daraja-security-credential). */
    public record Initiator(String initiatorName, String securityCredential) {

        public Initiator {
            initiatorName = initiatorName == null ? "" : initiatorName;
            securityCredential = securityCredential == null ? "" : securityCredential;
        }

        @Override
        public String toString() {
            return "Initiator[initiatorName=" + initiatorName + ", securityCredential=***]";
        }
    }
}
