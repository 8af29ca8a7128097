package io.mmg.gateway.sandbox.mtn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmg.gateway.sandbox.ConditionalOnSandbox;
import io.mmg.gateway.payment.PhoneNumbers;
import io.mmg.gateway.sandbox.SandboxCall;
import io.mmg.gateway.sandbox.SandboxCallback;
import io.mmg.gateway.sandbox.SandboxCallbackSender;
import io.mmg.gateway.sandbox.SandboxRateLimiter;
import io.mmg.gateway.sandbox.mtn.MtnSandboxCredentials.ApiUser;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Creates sandbox transactions and reports their status: the asynchronous MoMo model of a 202 now and the
 * outcome later, by status GET or callback (docs/providers.md#mtn-lifecycle, #mtn-callbacks).
 */
@Component
@ConditionalOnSandbox
public class MtnSandboxTransactions {

    private static final Logger log = LoggerFactory.getLogger(MtnSandboxTransactions.class);

    private final MtnSandboxAccess access;
    private final MtnSandboxLedger ledger;
    private final MtnSandboxSettings settings;
    private final SandboxCallbackSender callbacks;
    private final ObjectMapper json;
    private final SandboxRateLimiter statusRateLimiter = new SandboxRateLimiter();
    private final Object refundLock = new Object();

    public MtnSandboxTransactions(MtnSandboxAccess access, MtnSandboxLedger ledger, MtnSandboxSettings settings,
                                  SandboxCallbackSender callbacks, ObjectMapper json) {
        this.access = access;
        this.ledger = ledger;
        this.settings = settings;
        this.callbacks = callbacks;
        this.json = json;
    }

    /** The party number a POST is about, so faults and stats can single out one test's numbers. */
    String partyNumber(MtnTransactionType type, JsonNode body) {
        if (type == MtnTransactionType.REFUND) {
            return refunded(body.path("referenceIdToRefund").asText(null))
                    .map(original -> original.party().partyId()).orElse(null);
        }
        return body.path(type.partyField()).path("partyId").asText(null);
    }

    /** The party number of a known transaction, for the same purpose on status GETs. */
    String partyNumber(MtnProduct product, MtnTransactionType type, String referenceId) {
        if (!MtnReferenceId.isUuid(referenceId)) {
            return null;
        }
        return ledger.find(product, type, referenceId.toLowerCase(Locale.ROOT))
                .map(MtnSandboxTransaction::party).map(MtnParty::partyId).orElse(null);
    }

    /** {@code POST /{product}/{version}/{resource}}: 202 with an empty body, or MoMo's error (docs/providers.md#mtn-request-to-pay, #mtn-simulator-checks). */
    ResponseEntity<Object> create(MtnProduct product, MtnTransactionType type, HttpHeaders headers, JsonNode body,
                                  SandboxCall call) {
        ApiUser user = access.authorise(product, headers);
        String referenceId = MtnReferenceId.requireNew(headers.getFirst("X-Reference-Id"));
        MtnTransactionRequest request = MtnTransactionRequest.parse(type, body);
        Optional<URI> callbackUrl = MtnSandboxAccess.callbackUrl(headers.getFirst(MtnSandboxAccess.CALLBACK_URL),
                user);

        MtnSandboxSettings.Values now = settings.current();
        Instant createdAt = Instant.now();
        MtnSandboxTransaction transaction;
        if (type == MtnTransactionType.REFUND) {
            // One refund at a time, so that two concurrent refunds cannot both fit in what is left.
            synchronized (refundLock) {
                Optional<MtnSandboxTransaction> original = refunded(request.referenceIdToRefund());
                MtnSandboxOutcome outcome = MtnSandboxScenarios.forRefund(request.referenceIdToRefund(),
                        original.map(refundedPayment -> refundedPayment.status(createdAt)));
                if (original.isPresent() && outcome.kind() != MtnSandboxOutcome.Kind.FAILED
                        && exceedsWhatIsLeft(original.get(), request.amount())) {
                    // UNCONFIRMED: MTN does not document its answer to refunding more than was collected; the
                    // sandbox refuses it like a refund of a payment that cannot be refunded.
                    outcome = MtnSandboxOutcome.failed(MtnErrorReason.NOT_ALLOWED);
                }
                transaction = record(product, type, referenceId, request,
                        original.map(MtnSandboxTransaction::party).orElse(null), outcome, createdAt, now, callbackUrl);
            }
        } else {
            transaction = record(product, type, referenceId, request, request.party(),
                    MtnSandboxScenarios.forTransaction(type, request.party()), createdAt, now, callbackUrl);
        }
        MtnParty party = transaction.party();
        MtnSandboxOutcome outcome = transaction.outcome();
        log.debug("MTN sandbox {} {} for {} accepted, ends {}", product.path(), type.resource(),
                PhoneNumbers.mask(party == null ? null : party.partyId()), outcome.kind());
        if (transaction.callbackUrl() != null && transaction.finalAt() != null && !call.suppressCallback()) {
            scheduleCallback(transaction, Duration.between(createdAt, transaction.finalAt()), now);
        }
        return ResponseEntity.accepted().build();
    }

    /** {@code GET /{product}/{version}/{resource}/{referenceId}} (docs/providers.md#mtn-status, #mtn-disbursement, #mtn-limits). */
    ResponseEntity<Object> status(MtnProduct product, MtnTransactionType type, String referenceId,
                                  HttpHeaders headers) {
        access.authorise(product, headers);
        MtnSandboxSettings.Values now = settings.current();
        if (!statusRateLimiter.tryAcquire(now.statusRateLimit(), System.currentTimeMillis())) {
            throw MtnSandboxException.apim(MtnApimErrorBody.RATE_LIMITED);
        }
        String reference = MtnReferenceId.requireExisting(referenceId);
        MtnSandboxTransaction transaction = ledger.find(product, type, reference)
                .orElseThrow(MtnSandboxException::notFound);
        return ResponseEntity.ok(transaction.statusBody(Instant.now(), now.reasonFormat()));
    }

    /**
     * {@code POST /{product}/v1_0/requesttopay/{referenceId}/deliverynotification}: an extra SMS to the payer of
     * a successful request-to-pay, once (docs/providers.md#mtn-collection). Every product serves it for Collection's request-to-pay, as the
     * MTN Java SDK uses it. 200; over 160 characters 400; a second one 429.
     */
    ResponseEntity<Object> notifyDelivery(MtnProduct product, String referenceId, HttpHeaders headers,
                                          JsonNode body) {
        access.authorise(product, headers);
        String message = body != null && body.hasNonNull("notificationMessage")
                ? body.get("notificationMessage").asText() : headers.getFirst("notificationMessage");
        if (message == null || message.isBlank()) {
            throw MtnSandboxException.badRequest("notificationMessage is required.");
        }
        if (message.length() > MtnTransactionRequest.MAX_MESSAGE_LENGTH) {
            throw MtnSandboxException.badRequest("notificationMessage must be at most "
                    + MtnTransactionRequest.MAX_MESSAGE_LENGTH + " characters.");
        }
        String reference = MtnReferenceId.requireExisting(referenceId);
        MtnSandboxTransaction payment = ledger.find(MtnProduct.COLLECTION, MtnTransactionType.REQUEST_TO_PAY,
                reference).orElseThrow(MtnSandboxException::notFound);
        if (!"SUCCESSFUL".equals(payment.status(Instant.now()))) {
            throw MtnSandboxException.of(HttpStatus.CONFLICT, MtnErrorReason.NOT_SUCCESSFULLY_COMPLETED);
        }
        if (!payment.deliveryNotified().compareAndSet(false, true)) {
            throw MtnSandboxException.apim(MtnApimErrorBody.TOO_MANY_NOTIFICATIONS);
        }
        return ResponseEntity.ok().build();
    }

    /** Adds the transaction to the ledger; 409 RESOURCE_ALREADY_EXIST when its reference id is taken (docs/providers.md#mtn-errors). */
    private MtnSandboxTransaction record(MtnProduct product, MtnTransactionType type, String referenceId,
                                         MtnTransactionRequest request, MtnParty party, MtnSandboxOutcome outcome,
                                         Instant createdAt, MtnSandboxSettings.Values now, Optional<URI> callbackUrl) {
        MtnSandboxTransaction transaction = new MtnSandboxTransaction(product, type, referenceId, request, party,
                outcome, finalAt(outcome, createdAt, now), financialTransactionId(type, outcome),
                callbackUrl.orElse(null), new AtomicBoolean());
        if (!ledger.add(transaction)) {
            throw MtnSandboxException.of(HttpStatus.CONFLICT, MtnErrorReason.RESOURCE_ALREADY_EXIST);
        }
        return transaction;
    }

    /** Whether this refund and the earlier ones that did not fail add up to more than the collected amount. */
    private boolean exceedsWhatIsLeft(MtnSandboxTransaction original, String amount) {
        BigDecimal refunded = ledger.refundsOf(original.referenceId()).stream()
                .filter(refund -> refund.outcome().kind() != MtnSandboxOutcome.Kind.FAILED)
                .map(refund -> new BigDecimal(refund.request().amount()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return refunded.add(new BigDecimal(amount)).compareTo(new BigDecimal(original.request().amount())) > 0;
    }

    /** The collection a refund names, if the sandbox knows it (a request-to-pay or a withdrawal). */
    private Optional<MtnSandboxTransaction> refunded(String referenceIdToRefund) {
        if (!MtnReferenceId.isUuid(referenceIdToRefund)) {
            return Optional.empty();
        }
        String reference = referenceIdToRefund.toLowerCase(Locale.ROOT);
        return ledger.find(MtnProduct.COLLECTION, MtnTransactionType.REQUEST_TO_PAY, reference)
                .or(() -> ledger.find(MtnProduct.COLLECTION, MtnTransactionType.REQUEST_TO_WITHDRAW, reference));
    }

    /** After the callback delay; "Ongoing" after its own, longer, duration; "Delayed" never (docs/providers.md#mtn-sandbox). */
    private static Instant finalAt(MtnSandboxOutcome outcome, Instant createdAt, MtnSandboxSettings.Values now) {
        return switch (outcome.kind()) {
            case SUCCESSFUL, FAILED -> createdAt.plus(now.callbackDelay());
            case ONGOING -> createdAt.plus(now.ongoingDuration());
            case DELAYED -> null;
        };
    }

    /** A 9 to 10 digit string, as MoMo's (docs/providers.md#mtn-status, #mtn-simulator-checks); none for deposits (docs/providers.md#mtn-disbursement). */
    static String financialTransactionId(MtnTransactionType type, MtnSandboxOutcome outcome) {
        if (!type.carriesFinancialTransactionId() || !"SUCCESSFUL".equals(outcome.finalStatus())) {
            return null;
        }
        return Long.toString(ThreadLocalRandom.current().nextLong(100_000_000L, 10_000_000_000L));
    }

    /**
     * The final status body, sent when the transaction becomes final. Ongoing ones call back when they turn
     * SUCCESSFUL; whether MTN does is UNCONFIRMED (docs/providers.md#open-questions).
     */
    private void scheduleCallback(MtnSandboxTransaction transaction, Duration delay, MtnSandboxSettings.Values now) {
        String description = transaction.type().resource() + " for "
                + PhoneNumbers.mask(transaction.party() == null ? null : transaction.party().partyId());
        callbacks.send(new SandboxCallback(transaction.callbackUrl(), now.callbackMethod(),
                () -> toJson(transaction), delay, description));
    }

    private String toJson(MtnSandboxTransaction transaction) {
        try {
            return json.writeValueAsString(transaction.statusBody(transaction.finalAt(),
                    settings.current().reasonFormat()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a callback body", e);
        }
    }
}
