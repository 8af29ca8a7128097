package io.mmg.gateway.sandbox.mtn;

import static io.mmg.gateway.sandbox.mtn.MtnErrorReason.APPROVAL_REJECTED;
import static io.mmg.gateway.sandbox.mtn.MtnErrorReason.COULD_NOT_PERFORM_TRANSACTION;
import static io.mmg.gateway.sandbox.mtn.MtnErrorReason.EXPIRED;
import static io.mmg.gateway.sandbox.mtn.MtnErrorReason.INTERNAL_PROCESSING_ERROR;
import static io.mmg.gateway.sandbox.mtn.MtnErrorReason.INVALID_CALLBACK_URL_HOST;
import static io.mmg.gateway.sandbox.mtn.MtnErrorReason.INVALID_CURRENCY;
import static io.mmg.gateway.sandbox.mtn.MtnErrorReason.NOT_ALLOWED;
import static io.mmg.gateway.sandbox.mtn.MtnErrorReason.NOT_ALLOWED_TARGET_ENVIRONMENT;
import static io.mmg.gateway.sandbox.mtn.MtnErrorReason.NOT_ENOUGH_FUNDS;
import static io.mmg.gateway.sandbox.mtn.MtnErrorReason.PAYEE_NOT_ALLOWED_TO_RECEIVE;
import static io.mmg.gateway.sandbox.mtn.MtnErrorReason.PAYEE_NOT_FOUND;
import static io.mmg.gateway.sandbox.mtn.MtnErrorReason.PAYER_LIMIT_REACHED;
import static io.mmg.gateway.sandbox.mtn.MtnErrorReason.PAYER_NOT_FOUND;
import static io.mmg.gateway.sandbox.mtn.MtnErrorReason.SERVICE_UNAVAILABLE;
import static io.mmg.gateway.sandbox.mtn.MtnErrorReason.TRANSACTION_NOT_FOUND;
import static io.mmg.gateway.sandbox.mtn.MtnSandboxOutcome.DELAYED;
import static io.mmg.gateway.sandbox.mtn.MtnSandboxOutcome.ONGOING;
import static io.mmg.gateway.sandbox.mtn.MtnSandboxOutcome.failed;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * MTN's sandbox test values and what they turn into on the wire (docs/providers.md#mtn-sandbox): numbers
 * 46733123450 to 46733123464 for transactions and account holders, "1" to "13" as the reference to refund.
 * Every other value succeeds. Pure, so the table is tested on its own.
 */
public final class MtnSandboxScenarios {

    private static final String MAGIC_PREFIX = "46733123";
    private static final int FIRST_MAGIC = 450;

    /** RequestToPay, RequestToWithdraw and Deposit, payer or payee: 46733123450 to 46733123464. */
    private static final List<MtnSandboxOutcome> DEBIT_AND_DEPOSIT = List.of(
            failed(INTERNAL_PROCESSING_ERROR),      // 450 Failed
            failed(APPROVAL_REJECTED),              // 451 Rejected
            failed(EXPIRED),                        // 452 Expired
            ONGOING,                                // 453 Ongoing: PENDING, then SUCCESSFUL (2018 docs, ~30 s)
            DELAYED,                                // 454 Delayed: stays PENDING
            failed(PAYER_NOT_FOUND),                // 455 NotFound (PAYEE_NOT_FOUND for a deposit's payee)
            failed(PAYEE_NOT_ALLOWED_TO_RECEIVE),   // 456
            failed(NOT_ALLOWED),                    // 457
            failed(NOT_ALLOWED_TARGET_ENVIRONMENT), // 458
            failed(INVALID_CALLBACK_URL_HOST),      // 459
            failed(INVALID_CURRENCY),               // 460
            failed(INTERNAL_PROCESSING_ERROR),      // 461
            failed(SERVICE_UNAVAILABLE),            // 462
            failed(COULD_NOT_PERFORM_TRANSACTION),  // 463
            // 464 RequestToPayPayerTransfertypeUnknown: its wire reason is UNCONFIRMED (docs/providers.md#mtn-sandbox); NOT_ALLOWED is the
            // published reason closest to "this transfer type is not allowed for the payer".
            failed(NOT_ALLOWED));

    /** Transfer (Disbursement, Remittance, cash transfer), payee: 46733123450 to 46733123463. */
    private static final List<MtnSandboxOutcome> TRANSFER = List.of(
            failed(INTERNAL_PROCESSING_ERROR),      // 450 Failed
            failed(APPROVAL_REJECTED),              // 451 Rejected
            failed(EXPIRED),                        // 452 Expired
            ONGOING,                                // 453
            DELAYED,                                // 454
            failed(NOT_ENOUGH_FUNDS),               // 455
            failed(PAYER_LIMIT_REACHED),            // 456
            failed(PAYEE_NOT_FOUND),                // 457 NotFound
            failed(NOT_ALLOWED),                    // 458
            failed(NOT_ALLOWED_TARGET_ENVIRONMENT), // 459
            failed(INVALID_CALLBACK_URL_HOST),      // 460
            failed(INVALID_CURRENCY),               // 461
            failed(INTERNAL_PROCESSING_ERROR),      // 462
            failed(SERVICE_UNAVAILABLE));           // 463

    /** Refund: {@code referenceIdToRefund} "1" to "13". */
    private static final List<MtnSandboxOutcome> REFUND = List.of(
            failed(TRANSACTION_NOT_FOUND),          // 1
            failed(INTERNAL_PROCESSING_ERROR),      // 2 Failed
            failed(APPROVAL_REJECTED),              // 3 Rejected
            failed(EXPIRED),                        // 4
            ONGOING,                                // 5
            DELAYED,                                // 6
            failed(NOT_ALLOWED),                    // 7
            failed(NOT_ALLOWED_TARGET_ENVIRONMENT), // 8
            failed(INVALID_CALLBACK_URL_HOST),      // 9
            failed(INVALID_CURRENCY),               // 10
            failed(INTERNAL_PROCESSING_ERROR),      // 11
            failed(SERVICE_UNAVAILABLE),            // 12
            failed(COULD_NOT_PERFORM_TRANSACTION)); // 13

    /** What an account-holder check answers (AccountHolderActive row of docs/providers.md#mtn-sandbox). */
    public enum AccountHolder {
        ACTIVE,
        NOT_FOUND,
        NOT_ACTIVE,
        NOT_ALLOWED,
        NOT_ALLOWED_TARGET_ENVIRONMENT,
        INTERNAL_PROCESSING_ERROR,
        SERVICE_UNAVAILABLE
    }

    private static final List<AccountHolder> ACCOUNT_HOLDER_NUMBERS = List.of(AccountHolder.NOT_FOUND,
            AccountHolder.NOT_ACTIVE, AccountHolder.NOT_ALLOWED, AccountHolder.NOT_ALLOWED_TARGET_ENVIRONMENT,
            AccountHolder.INTERNAL_PROCESSING_ERROR, AccountHolder.SERVICE_UNAVAILABLE);

    private static final Map<String, AccountHolder> ACCOUNT_HOLDER_EMAILS = Map.of(
            "notfound@email.com", AccountHolder.NOT_FOUND,
            "notactive@email.com", AccountHolder.NOT_ACTIVE,
            "notallowed@email.com", AccountHolder.NOT_ALLOWED,
            "notallowedtargetenvironment@email.com", AccountHolder.NOT_ALLOWED_TARGET_ENVIRONMENT,
            "internalprocessingerror@email.com", AccountHolder.INTERNAL_PROCESSING_ERROR,
            "serviceunavailable@email.com", AccountHolder.SERVICE_UNAVAILABLE);

    private static final Map<String, AccountHolder> ACCOUNT_HOLDER_PARTY_CODES = Map.of(
            "5cecb5a7-8bd0-4f49-87b1-8eb9ecc7b7bc", AccountHolder.NOT_FOUND,
            "b0040b3c-b426-4a90-af6e-673e65861cd7", AccountHolder.NOT_ACTIVE,
            "4d5f500f-c385-4901-9be5-25b6d36ad220", AccountHolder.NOT_ALLOWED,
            "d2265f9b-0c22-496d-908f-79a65ad66266", AccountHolder.NOT_ALLOWED_TARGET_ENVIRONMENT,
            "8f548a78-ceb8-4d12-a243-5640b91e91a4", AccountHolder.INTERNAL_PROCESSING_ERROR,
            "585c07a4-2c80-42f7-9e73-e586b36dee68", AccountHolder.SERVICE_UNAVAILABLE);

    private MtnSandboxScenarios() {
    }

    /** The outcome of a request-to-pay, withdrawal, deposit or transfer to or from this party. */
    public static MtnSandboxOutcome forTransaction(MtnTransactionType type, MtnParty party) {
        if (party == null || !party.isMsisdn()) {
            return MtnSandboxOutcome.SUCCESSFUL;
        }
        List<MtnSandboxOutcome> table = type == MtnTransactionType.TRANSFER
                || type == MtnTransactionType.CASH_TRANSFER ? TRANSFER : DEBIT_AND_DEPOSIT;
        MtnSandboxOutcome outcome = magicIndex(party.partyId()).filter(index -> index < table.size())
                .map(table::get)
                .orElse(MtnSandboxOutcome.SUCCESSFUL);
        // NotFound names the party the row is about: the payer of a debit, the payee of a deposit.
        if (outcome.reason() == PAYER_NOT_FOUND && !type.isDebit()) {
            return failed(PAYEE_NOT_FOUND);
        }
        return outcome;
    }

    /**
     * The outcome of a refund. Magic "1".."13" play docs/providers.md#mtn-sandbox's refund row. Otherwise the reference should name a
     * collection this sandbox knows: an unknown one FAILS with TRANSACTION_NOT_FOUND and one that has not
     * succeeded with NOT_ALLOWED (UNCONFIRMED: MTN's behaviour for these is not documented).
     *
     * @param originalStatus the refunded payment's status now, empty when the sandbox does not know it
     */
    public static MtnSandboxOutcome forRefund(String referenceIdToRefund, Optional<String> originalStatus) {
        Optional<MtnSandboxOutcome> magic = refundMagicIndex(referenceIdToRefund).map(REFUND::get);
        if (magic.isPresent()) {
            return magic.get();
        }
        if (originalStatus.isEmpty()) {
            return failed(TRANSACTION_NOT_FOUND);
        }
        return "SUCCESSFUL".equals(originalStatus.get()) ? MtnSandboxOutcome.SUCCESSFUL : failed(NOT_ALLOWED);
    }

    /** Whether this value is one of the refund test values rather than a real reference. */
    public static boolean isRefundMagic(String referenceIdToRefund) {
        return refundMagicIndex(referenceIdToRefund).isPresent();
    }

    /** What {@code accountholder/{idType}/{id}/active} answers; id types are lower case in the path (docs/providers.md#mtn-accounts). */
    public static AccountHolder forAccountHolder(String idType, String id) {
        String type = idType.toLowerCase(Locale.ROOT);
        return switch (type) {
            case "msisdn" -> magicIndex(id).filter(index -> index < ACCOUNT_HOLDER_NUMBERS.size())
                    .map(ACCOUNT_HOLDER_NUMBERS::get)
                    .orElse(AccountHolder.ACTIVE);
            case "email" -> ACCOUNT_HOLDER_EMAILS.getOrDefault(id.toLowerCase(Locale.ROOT), AccountHolder.ACTIVE);
            case "party_code" -> ACCOUNT_HOLDER_PARTY_CODES.getOrDefault(id.toLowerCase(Locale.ROOT),
                    AccountHolder.ACTIVE);
            default -> AccountHolder.ACTIVE;
        };
    }

    /** 0 for 46733123450, ... 14 for 46733123464; empty for any other number. */
    static Optional<Integer> magicIndex(String msisdn) {
        if (msisdn == null || msisdn.length() != MAGIC_PREFIX.length() + 3 || !msisdn.startsWith(MAGIC_PREFIX)) {
            return Optional.empty();
        }
        try {
            int index = Integer.parseInt(msisdn.substring(MAGIC_PREFIX.length())) - FIRST_MAGIC;
            return index >= 0 && index < DEBIT_AND_DEPOSIT.size() ? Optional.of(index) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> refundMagicIndex(String referenceIdToRefund) {
        if (referenceIdToRefund == null || !referenceIdToRefund.matches("\\d{1,2}")) {
            return Optional.empty();
        }
        int index = Integer.parseInt(referenceIdToRefund) - 1;
        return index >= 0 && index < REFUND.size() ? Optional.of(index) : Optional.empty();
    }
}
