package io.mmg.gateway.receipt;

import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.ErrorCode;
import io.mmg.gateway.api.JsonReplies;
import io.mmg.gateway.payment.Countries;
import io.mmg.gateway.payment.Currencies;
import io.mmg.gateway.payment.Payment;
import io.mmg.gateway.payment.PaymentRows;
import io.mmg.gateway.payment.PaymentStatus;
import io.mmg.gateway.payment.Provider;
import io.mmg.gateway.provider.ProviderCall;
import io.mmg.gateway.provider.ProviderReply;
import io.mmg.gateway.provider.mpesa.MpesaCallbacks;
import io.mmg.gateway.provider.mtn.MtnAccounts;
import io.mmg.gateway.provider.mtn.MtnProduct;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * GET /payments/{id}/receipt (routes/receipts.yaml): what a merchant hands its customer once a payment is
 * SUCCESSFUL. The receipt number is derived from the payment, so asking twice gives the same receipt.
 */
@Component("paymentReceipts")
public class PaymentReceipts {

    private static final DateTimeFormatter RECEIPT_DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    /** 16 hex digits of the payment id: 60 random bits, so two receipts of one day never share a number. */
    private static final int ID_DIGITS = 16;

    private final PaymentRows rows;
    private final MtnAccounts mtnAccounts;
    private final MpesaCallbacks mpesaCallbacks;
    private final JsonReplies replies;

    public PaymentReceipts(PaymentRows rows, MtnAccounts mtnAccounts, MpesaCallbacks mpesaCallbacks,
                           JsonReplies replies) {
        this.rows = rows;
        this.mtnAccounts = mtnAccounts;
        this.mpesaCallbacks = mpesaCallbacks;
        this.replies = replies;
    }

    /** The payment of a select-payment.sql row, if it is SUCCESSFUL: only money that moved gets a receipt. */
    public Payment successful(Map<String, Object> row) {
        Payment payment = rows.toPayment(row);
        if (payment.status() != PaymentStatus.SUCCESSFUL) {
            throw new ApiException(ErrorCode.RECEIPT_NOT_AVAILABLE,
                    "A receipt exists once the payment is SUCCESSFUL; this one is " + payment.status(),
                    Map.of("paymentId", payment.id().toString(), "status", payment.status().name()));
        }
        return payment;
    }

    /** What the provider already told us about the customer: an M-Pesa B2C Result names the payee. */
    public String storedCustomerName(Map<String, Object> row) {
        Object stored = row.get("provider_response");
        return "MPESA".equals(row.get("provider")) && stored != null ? mpesaCallbacks.receiverName(stored.toString()) : null;
    }

    /**
     * MTN's basicuserinfo call for the payment's number (docs/providers.md#mtn-accounts), to ask through the Collection product, or null when
     * the name is known already or the provider is not MTN.
     */
    public ProviderCall customerNameQuery(Payment payment, String knownName) {
        if (knownName != null || payment.provider() != Provider.MTN_MOMO) {
            return null;
        }
        MtnAccounts.AccountHolderQuery query = new MtnAccounts.AccountHolderQuery(payment.phoneNumber(),
                Countries.byCode(payment.country()).orElseThrow(), MtnProduct.COLLECTION, true);
        return mtnAccounts.basicUserInfoCall(query);
    }

    public String mtnCustomerName(ProviderReply basicUserInfo) {
        return mtnAccounts.fullName(basicUserInfo);
    }

    public void reply(Exchange exchange, Payment payment, String customerName) {
        replies.reply(exchange, 200, render(payment, customerName));
    }

    static Map<String, Object> render(Payment payment, String customerName) {
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("receiptNumber", receiptNumber(payment));
        receipt.put("paymentId", payment.id().toString());
        receipt.put("type", payment.type().name());
        receipt.put("date", payment.completedAt().toString());
        receipt.put("amount", Currencies.format(payment.amount(), payment.currency()));
        receipt.put("currency", payment.currency());
        receipt.put("formattedAmount", Currencies.display(payment.amount(), payment.currency()));
        receipt.put("paymentMethod", payment.provider().displayName());
        receipt.put("provider", payment.provider().name());
        receipt.put("status", payment.status().name());
        receipt.put("customerName", customerName);
        receipt.put("phoneNumber", payment.phoneNumber());
        receipt.put("orderReference", payment.externalId());
        receipt.put("providerTransactionId", payment.financialTransactionId());
        return receipt;
    }

    /** "RCP-20260105-5B0C1A2F3D4E4A6B": the day the payment succeeded (UTC) and its id. */
    static String receiptNumber(Payment payment) {
        Instant day = payment.completedAt();
        String id = payment.id().toString().replace("-", "").substring(0, ID_DIGITS).toUpperCase(Locale.ROOT);
        return "RCP-" + RECEIPT_DAY.format(day) + "-" + id;
    }
}
