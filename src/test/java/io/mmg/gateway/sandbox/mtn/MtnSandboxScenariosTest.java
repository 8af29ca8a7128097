package io.mmg.gateway.sandbox.mtn;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmg.gateway.sandbox.mtn.MtnSandboxOutcome.Kind;
import io.mmg.gateway.sandbox.mtn.MtnSandboxScenarios.AccountHolder;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MtnSandboxScenariosTest {

    private static MtnParty msisdn(String number) {
        return new MtnParty("MSISDN", number);
    }

    @ParameterizedTest(name = "requesttopay from {0} ends {1} {2}")
    @CsvSource({
            "46733123450, FAILED, INTERNAL_PROCESSING_ERROR",
            "46733123451, FAILED, APPROVAL_REJECTED",
            "46733123452, FAILED, EXPIRED",
            "46733123453, ONGOING, ",
            "46733123454, DELAYED, ",
            "46733123455, FAILED, PAYER_NOT_FOUND",
            "46733123456, FAILED, PAYEE_NOT_ALLOWED_TO_RECEIVE",
            "46733123457, FAILED, NOT_ALLOWED",
            "46733123458, FAILED, NOT_ALLOWED_TARGET_ENVIRONMENT",
            "46733123459, FAILED, INVALID_CALLBACK_URL_HOST",
            "46733123460, FAILED, INVALID_CURRENCY",
            "46733123461, FAILED, INTERNAL_PROCESSING_ERROR",
            "46733123462, FAILED, SERVICE_UNAVAILABLE",
            "46733123463, FAILED, COULD_NOT_PERFORM_TRANSACTION",
            "46733123464, FAILED, NOT_ALLOWED",
            "46733123465, SUCCESSFUL, ",
            "56733123452, SUCCESSFUL, ",
            "256772123456, SUCCESSFUL, "})
    void request_to_pay_plays_the_sandbox_numbers(String payer, Kind kind, MtnErrorReason reason) {
        MtnSandboxOutcome outcome = MtnSandboxScenarios.forTransaction(MtnTransactionType.REQUEST_TO_PAY,
                msisdn(payer));

        assertThat(outcome).isEqualTo(new MtnSandboxOutcome(kind, reason));
    }

    @ParameterizedTest(name = "transfer to {0} ends {1} {2}")
    @CsvSource({
            "46733123450, FAILED, INTERNAL_PROCESSING_ERROR",
            "46733123453, ONGOING, ",
            "46733123454, DELAYED, ",
            "46733123455, FAILED, NOT_ENOUGH_FUNDS",
            "46733123456, FAILED, PAYER_LIMIT_REACHED",
            "46733123457, FAILED, PAYEE_NOT_FOUND",
            "46733123458, FAILED, NOT_ALLOWED",
            "46733123459, FAILED, NOT_ALLOWED_TARGET_ENVIRONMENT",
            "46733123460, FAILED, INVALID_CALLBACK_URL_HOST",
            "46733123461, FAILED, INVALID_CURRENCY",
            "46733123462, FAILED, INTERNAL_PROCESSING_ERROR",
            "46733123463, FAILED, SERVICE_UNAVAILABLE",
            "46733123464, SUCCESSFUL, "})
    void transfer_plays_its_own_row_of_numbers(String payee, Kind kind, MtnErrorReason reason) {
        assertThat(MtnSandboxScenarios.forTransaction(MtnTransactionType.TRANSFER, msisdn(payee)))
                .isEqualTo(new MtnSandboxOutcome(kind, reason));
        assertThat(MtnSandboxScenarios.forTransaction(MtnTransactionType.CASH_TRANSFER, msisdn(payee)))
                .isEqualTo(new MtnSandboxOutcome(kind, reason));
    }

    @Test
    void a_deposit_to_the_not_found_number_names_the_payee() {
        assertThat(MtnSandboxScenarios.forTransaction(MtnTransactionType.DEPOSIT, msisdn("46733123455")))
                .isEqualTo(MtnSandboxOutcome.failed(MtnErrorReason.PAYEE_NOT_FOUND));
        assertThat(MtnSandboxScenarios.forTransaction(MtnTransactionType.REQUEST_TO_WITHDRAW, msisdn("46733123455")))
                .isEqualTo(MtnSandboxOutcome.failed(MtnErrorReason.PAYER_NOT_FOUND));
    }

    @Test
    void magic_numbers_apply_to_msisdn_parties_only() {
        MtnParty email = new MtnParty("EMAIL", "46733123450");

        assertThat(MtnSandboxScenarios.forTransaction(MtnTransactionType.REQUEST_TO_PAY, email))
                .isEqualTo(MtnSandboxOutcome.SUCCESSFUL);
    }

    @ParameterizedTest(name = "refund of \"{0}\" ends {1} {2}")
    @CsvSource({
            "1, FAILED, TRANSACTION_NOT_FOUND",
            "2, FAILED, INTERNAL_PROCESSING_ERROR",
            "3, FAILED, APPROVAL_REJECTED",
            "4, FAILED, EXPIRED",
            "5, ONGOING, ",
            "6, DELAYED, ",
            "7, FAILED, NOT_ALLOWED",
            "8, FAILED, NOT_ALLOWED_TARGET_ENVIRONMENT",
            "9, FAILED, INVALID_CALLBACK_URL_HOST",
            "10, FAILED, INVALID_CURRENCY",
            "11, FAILED, INTERNAL_PROCESSING_ERROR",
            "12, FAILED, SERVICE_UNAVAILABLE",
            "13, FAILED, COULD_NOT_PERFORM_TRANSACTION"})
    void refund_plays_the_sandbox_reference_values(String referenceIdToRefund, Kind kind, MtnErrorReason reason) {
        assertThat(MtnSandboxScenarios.forRefund(referenceIdToRefund, Optional.of("SUCCESSFUL")))
                .isEqualTo(new MtnSandboxOutcome(kind, reason));
    }

    @Test
    void a_refund_succeeds_only_for_a_known_successful_collection() {
        String reference = "0b6c1f1e-8d4f-4a6b-9c1d-2e3f4a5b6c7d";

        assertThat(MtnSandboxScenarios.forRefund(reference, Optional.of("SUCCESSFUL")))
                .isEqualTo(MtnSandboxOutcome.SUCCESSFUL);
        assertThat(MtnSandboxScenarios.forRefund(reference, Optional.of("FAILED")))
                .isEqualTo(MtnSandboxOutcome.failed(MtnErrorReason.NOT_ALLOWED));
        assertThat(MtnSandboxScenarios.forRefund(reference, Optional.empty()))
                .isEqualTo(MtnSandboxOutcome.failed(MtnErrorReason.TRANSACTION_NOT_FOUND));
        assertThat(MtnSandboxScenarios.forRefund("14", Optional.empty()))
                .isEqualTo(MtnSandboxOutcome.failed(MtnErrorReason.TRANSACTION_NOT_FOUND));
    }

    @ParameterizedTest(name = "account holder {0}/{1} is {2}")
    @CsvSource({
            "msisdn, 46733123450, NOT_FOUND",
            "msisdn, 46733123451, NOT_ACTIVE",
            "msisdn, 46733123452, NOT_ALLOWED",
            "msisdn, 46733123453, NOT_ALLOWED_TARGET_ENVIRONMENT",
            "msisdn, 46733123454, INTERNAL_PROCESSING_ERROR",
            "msisdn, 46733123455, SERVICE_UNAVAILABLE",
            "msisdn, 46733123456, ACTIVE",
            "msisdn, 256772123456, ACTIVE",
            "email, notactive@email.com, NOT_ACTIVE",
            "email, serviceunavailable@email.com, SERVICE_UNAVAILABLE",
            "email, someone@example.com, ACTIVE",
            "party_code, 5cecb5a7-8bd0-4f49-87b1-8eb9ecc7b7bc, NOT_FOUND",
            "party_code, 585c07a4-2c80-42f7-9e73-e586b36dee68, SERVICE_UNAVAILABLE"})
    void account_holder_checks_play_numbers_emails_and_party_codes(String idType, String id, AccountHolder holder) {
        assertThat(MtnSandboxScenarios.forAccountHolder(idType, id)).isEqualTo(holder);
    }
}
