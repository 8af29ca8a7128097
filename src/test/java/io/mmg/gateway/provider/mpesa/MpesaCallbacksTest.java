package io.mmg.gateway.provider.mpesa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.payment.FailureReason;
import io.mmg.gateway.payment.Payment;
import io.mmg.gateway.payment.PaymentStatus;
import io.mmg.gateway.payment.PaymentType;
import io.mmg.gateway.provider.ProviderOutcome;
import io.mmg.gateway.security.CallbackMismatchException;
import org.junit.jupiter.api.Test;

/** Reading what Daraja posts: STK callbacks (docs/providers.md#daraja-stk-callback), Results (docs/providers.md#daraja-b2c, #daraja-reversal) and transaction status Results (docs/providers.md#daraja-transaction-status). */
class MpesaCallbacksTest {

    private final MpesaCallbacks callbacks = new MpesaCallbacks(new ObjectMapper(), null, null, null);

    private static String stk(String checkoutRequestId, Object resultCode, String metadata) {
        return "{\"Body\":{\"stkCallback\":{\"MerchantRequestID\":\"1-2-1\",\"CheckoutRequestID\":\"" + checkoutRequestId
                + "\",\"ResultCode\":" + resultCode + ",\"ResultDesc\":\"x\"" + metadata + "}}}";
    }

    private static final String PAID_METADATA = ",\"CallbackMetadata\":{\"Item\":[{\"Name\":\"Amount\",\"Value\":1.00},"
            + "{\"Name\":\"MpesaReceiptNumber\",\"Value\":\"NLJ7RT61SV\"},{\"Name\":\"Balance\"},"
            + "{\"Name\":\"TransactionDate\",\"Value\":20191219102115},{\"Name\":\"PhoneNumber\",\"Value\":254708374149}]}";

    @Test
    void a_success_callback_gives_the_receipt_and_the_checkout_request_id_items_read_by_name() {
        ProviderOutcome outcome = callbacks.stkOutcome(MpesaTestPayments.stkPush("1", null),
                stk("ws_CO_1", 0, PAID_METADATA));

        assertThat(outcome.kind()).isEqualTo(ProviderOutcome.Kind.SUCCESSFUL);
        assertThat(outcome.financialTransactionId()).isEqualTo("NLJ7RT61SV");
        assertThat(outcome.providerReference()).isEqualTo("ws_CO_1");
    }

    @Test
    void a_failure_callback_maps_its_result_code_numeric_or_not() {
        Payment push = MpesaTestPayments.stkPush("1", "ws_CO_1");

        assertThat(callbacks.stkOutcome(push, stk("ws_CO_1", 1037, "")).reason())
                .isEqualTo(FailureReason.CUSTOMER_UNREACHABLE);
        assertThat(callbacks.stkOutcome(push, stk("ws_CO_1", "\"SFC_IC0003\"", "")).reason())
                .isEqualTo(FailureReason.NOT_ALLOWED);
    }

    @Test
    void a_callback_about_another_push_or_amount_is_a_mismatch_and_a_foreign_body_is_refused() {
        Payment push = MpesaTestPayments.stkPush("5", "ws_CO_1");

        assertThatThrownBy(() -> callbacks.stkOutcome(push, stk("ws_CO_2", 1032, "")))
                .isInstanceOf(CallbackMismatchException.class);
        assertThatThrownBy(() -> callbacks.stkOutcome(push, stk("ws_CO_1", 0, PAID_METADATA)))
                .isInstanceOf(CallbackMismatchException.class);
        assertThatThrownBy(() -> callbacks.stkOutcome(push, "{\"status\":\"SUCCESSFUL\"}"))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void a_b2c_result_with_a_single_parameter_object_and_a_string_result_code_is_read() {
        Payment payout = MpesaTestPayments.b2c("10", null);
        String paid = "{\"Result\":{\"ResultType\":0,\"ResultCode\":0,\"OriginatorConversationID\":\"" + payout.id()
                + "\",\"ConversationID\":\"AG_1\",\"TransactionID\":\"SG632NMUAB\",\"ResultParameters\":"
                + "{\"ResultParameter\":{\"Key\":\"TransactionAmount\",\"Value\":10}}}}";
        String refused = "{\"Result\":{\"ResultType\":0,\"ResultCode\":\"2040\",\"OriginatorConversationID\":\""
                + payout.id() + "\",\"ConversationID\":\"AG_1\"}}";

        ProviderOutcome success = callbacks.resultOutcome(payout, paid);
        ProviderOutcome failure = callbacks.resultOutcome(payout, refused);

        assertThat(success.financialTransactionId()).isEqualTo("SG632NMUAB");
        assertThat(success.providerReference()).isEqualTo("AG_1");
        assertThat(failure.reason()).isEqualTo(FailureReason.PAYEE_NOT_FOUND);
    }

    @Test
    void a_status_result_completes_fails_or_says_nothing_about_the_payment() {
        Payment payout = MpesaTestPayments.b2c("10", "AG_1");
        String completed = status("0", "Completed", payout.id().toString());
        String failed = status("0", "Failed", payout.id().toString());

        assertThat(callbacks.statusOutcome(payout, completed).kind()).isEqualTo(ProviderOutcome.Kind.SUCCESSFUL);
        assertThat(callbacks.statusOutcome(payout, completed).financialTransactionId()).isEqualTo("RCPT000001");
        assertThat(callbacks.statusOutcome(payout, failed).kind()).isEqualTo(ProviderOutcome.Kind.FAILED);
        assertThat(callbacks.statusOutcome(payout, "{\"Result\":{\"ResultCode\":\"R000002\"}}").kind())
                .isEqualTo(ProviderOutcome.Kind.UNKNOWN);
        assertThat(callbacks.statusOutcome(payout, "{\"Result\":{\"ResultCode\":2001}}").kind())
                .isEqualTo(ProviderOutcome.Kind.UNKNOWN);
        assertThatThrownBy(() -> callbacks.statusOutcome(payout, status("0", "Completed", "someone-else")))
                .isInstanceOf(CallbackMismatchException.class);
    }

    @Test
    void no_such_transaction_fails_only_a_payment_daraja_may_never_have_had() {
        Payment acknowledged = MpesaTestPayments.b2c("10", "AG_1");
        Payment unknown = MpesaTestPayments.payment("B2C", PaymentType.DISBURSEMENT, "10", null, null, null, null,
                PaymentStatus.UNKNOWN);
        String notFound = "{\"Result\":{\"ResultCode\":\"R000002\"}}";

        assertThat(callbacks.statusOutcome(acknowledged, notFound).kind()).isEqualTo(ProviderOutcome.Kind.UNKNOWN);
        assertThat(callbacks.statusOutcome(unknown, notFound).kind()).isEqualTo(ProviderOutcome.Kind.NOT_FOUND);
    }

    private static String status(String code, String transactionStatus, String originator) {
        return "{\"Result\":{\"ResultCode\":" + code + ",\"ResultParameters\":{\"ResultParameter\":["
                + "{\"Key\":\"ReceiptNo\",\"Value\":\"RCPT000001\"},{\"Key\":\"TransactionReason\"},"
                + "{\"Key\":\"Originator Conversation ID\",\"Value\":\"" + originator + "\"},"
                + "{\"Key\":\"Amount\",\"Value\":10},{\"Key\":\"TransactionStatus\",\"Value\":\"" + transactionStatus
                + "\"}]}}}";
    }
}
