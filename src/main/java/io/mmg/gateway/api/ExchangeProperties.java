package io.mmg.gateway.api;

/**
 * Every exchange property the routes and the beans pass to each other, by name: the one place a route author (and a
 * bean) finds what state a flow carries. A route file may read or set only names declared here
 * ({@code ExchangePropertiesTest} scans the bundled and example routes); the few a custom route relies on are in
 * docs/routes.md, "Exchange properties". Names are the wire format of the YAML routes: never rename one without
 * its routes.
 */
public final class ExchangeProperties {

    private ExchangeProperties() {
    }

    // Who is asking (security): set before any route runs.

    /** {@code AuthenticatedClient}: the merchant whose API key the request carries. */
    public static final String CLIENT = "client";
    /** Boolean: the admin key was checked (admin paths). */
    public static final String ADMIN = "adminAuthenticated";
    /** Boolean: the path guard has run, so a route's own authentication step does nothing. */
    public static final String PATH_AUTHENTICATION_CHECKED = "pathAuthenticationChecked";

    // A payment request, from parsing to the provider's answer.

    /** {@code PaymentRequest}: the validated request; direct:initiate-payment requires it. */
    public static final String REQUEST = "request";
    /** String: the request's Idempotency-Key, if any. */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    /** UUID: set by callers that fix the payment id in advance (a payout row), so a retry never makes a second one. */
    public static final String PRESET_PAYMENT_ID = "presetPaymentId";
    /** {@code Payment}: the stored payment the flow is about. */
    public static final String PAYMENT = "payment";
    /** String: provider and product of the payment ({@code ProviderProduct.routeKey}), chooses the provider route. */
    public static final String ROUTE_KEY = "routeKey";
    /** {@code Payment}: the collection a refund refunds. */
    public static final String ORIGINAL_PAYMENT = "originalPayment";
    /** String: the body of a refund request, kept while the original payment is read. */
    public static final String REFUND_BODY = "refundBody";
    /** String: the secret of a new payment's callback URL (only its hash is stored). */
    public static final String CALLBACK_TOKEN = "callbackToken";
    /** Map: parameters of cancel-payment.sql for a cancellation request. */
    public static final String CANCELLATION = "cancellation";
    /** String: the secret of an M-Pesa transaction status result URL. */
    public static final String STATUS_TOKEN = "statusToken";
    /** {@code ProviderCall}: the provider request the next HTTP step sends. */
    public static final String PROVIDER_CALL = "providerCall";
    /** String: the Authorization header of the provider call (a cached access token), never logged. */
    public static final String PROVIDER_AUTHORIZATION = "providerAuthorization";
    /** Integer: which attempt of a provider call this is, 1 for the first. */
    public static final String SEND_ATTEMPT = "sendAttempt";
    /** String: why an earlier attempt may have reached the provider; such a payment can only become UNKNOWN. */
    public static final String PROVIDER_MAYBE_RECEIVED = "providerMaybeReceived";
    /** The bulkhead permit a provider call holds until its route leaves. */
    public static final String PROVIDER_BULKHEAD_PERMIT = "providerBulkheadPermit";
    /** {@code ProviderOutcome}: what a provider said, in the gateway's terms. */
    public static final String PROVIDER_OUTCOME = "providerOutcome";
    /** BigDecimal: the amount the provider reports for a payment. */
    public static final String PROVIDER_AMOUNT = "providerAmount";

    // Answers (api).

    /** UUID: set once the payment is stored, so an error answer says that it exists. */
    public static final String STORED_PAYMENT_ID = "storedPaymentId";
    /** Map: the gateway's field names to a compatibility API's, for error details. */
    public static final String CALLER_FIELD_NAMES = "callerFieldNames";
    /** Headers every answer must carry (rate limits), put back after a reply clears the headers. */
    public static final String REPLY_HEADERS = "replyHeaders";

    // Callbacks from providers.

    /** String: the provider a callback route serves (MTN_MOMO, MPESA), for the rejection event. */
    public static final String CALLBACK_PROVIDER = "callbackProvider";
    /** String: the raw callback body, kept for the event row. */
    public static final String CALLBACK_BODY = "callbackBody";
    /** String: the column holding the hash the callback's URL secret is checked against. */
    public static final String CALLBACK_SECRET = "callbackSecret";
    /** {@code ProviderOutcome}: what a callback says. */
    public static final String OUTCOME = "outcome";

    // Reads and lists.

    /** Map: parameters of the one-row read of a GET by id. */
    public static final String LOOKUP = "lookup";
    /** A parsed list query (payments, webhook deliveries). */
    public static final String QUERY = "query";
    /** Map: SQL parameters of a list query. */
    public static final String QUERY_PARAMS = "queryParams";
    /** Map: the stored row of a payment an operator looks at (admin payment view). */
    public static final String PAYMENT_ROW = "paymentRow";
    /** Map: SQL parameters of the review queue. */
    public static final String QUEUE_PARAMS = "queueParams";
    /** Number: how many rows a list query matches in all. */
    public static final String TOTAL = "total";
    /** Integer: how many rows a worker claimed this tick (poller, webhooks). */
    public static final String CLAIMED = "claimed";

    // Compatibility adapters (docs/compatibility.md).

    /** String: the JSON template turning the old API's request into the gateway's. */
    public static final String API_REQUEST = "apiRequest";
    /** String: the JSON template turning the gateway's answer into the old API's. */
    public static final String API_REPLY = "apiReply";
    /** String: the template of the old API's query parameters. */
    public static final String API_QUERY = "apiQuery";
    /** String: the order id of the checkout API. */
    public static final String ORDER_ID = "orderId";
    /** Boolean: a sandbox test payment of the checkout API. */
    public static final String TEST_PAYMENT = "testPayment";
    /** String: the message shape of live status an adapter asks for ({@code PaymentUpdate.MPESA_CHECKOUT}). */
    public static final String LIVE_SHAPE = "liveShape";

    // MTN accounts, receipts, payment methods.

    /** Parameters of an account-holder check. */
    public static final String ACCOUNT_HOLDER_QUERY = "accountHolderQuery";
    /** The account-holder status answer. */
    public static final String ACCOUNT_HOLDER_ACTIVE = "accountHolderActive";
    /** The account holder's basic information answer. */
    public static final String ACCOUNT_HOLDER_INFO = "accountHolderInfo";
    /** The payment a receipt is for. */
    public static final String RECEIPT_PAYMENT = "receiptPayment";
    /** String: the payer's name on a receipt, when the provider tells it. */
    public static final String CUSTOMER_NAME = "customerName";
    /** Map: parameters of the saved payment method a payment request names. */
    public static final String PAYMENT_METHOD_LOOKUP = "paymentMethodLookup";
    /** String: a payment request body kept while its saved method is read. */
    public static final String PAYMENT_REQUEST_BODY = "paymentRequestBody";
    /** UUID: the id a save asked for; the stored row has another when the wallet was saved before. */
    public static final String SAVED_PAYMENT_METHOD_ID = "savedPaymentMethodId";

    // Background workers.

    /** Map: what the poller has to do this tick (select-poller-work.sql: payments_due, refunds_due). */
    public static final String POLLER_WORK = "pollerWork";

    // Reconciliation.

    /** Map: parameters of a reconciliation run's read. */
    public static final String RUN_LOOKUP = "runLookup";
    /** The reconciliation item being checked. */
    public static final String RECONCILIATION_ITEM = "reconciliationItem";
    /** String: the secret of the result URL of a reconciliation's M-Pesa status query. */
    public static final String RECONCILIATION_TOKEN = "reconciliationToken";
    /** The comparison's verdict of one item. */
    public static final String VERDICT = "verdict";
    /** Boolean: the provider answered about the item this time. */
    public static final String PROVIDER_ASKED = "providerAsked";
    /** Boolean: the item has retries left, so an unanswered provider is asked again later. */
    public static final String ASK_AGAIN = "askAgain";
    /** The status answer a reconciliation step judges. */
    public static final String POLL_ANSWER = "pollAnswer";
    /** The UTC day a daily reconciliation covers. */
    public static final String DAY = "day";

    // Webhooks.

    /** Map: one claimed webhook delivery row. */
    public static final String WEBHOOK_DELIVERY = "webhookDelivery";
    /** Map: parameters recording one delivery attempt. */
    public static final String WEBHOOK_ATTEMPT = "webhookAttempt";
    /** Instant: when the current delivery attempt started. */
    public static final String WEBHOOK_ATTEMPT_STARTED_AT = "webhookAttemptStartedAt";
    /** Long: System.nanoTime when the current delivery attempt started. */
    public static final String WEBHOOK_ATTEMPT_STARTED_NANOS = "webhookAttemptStartedNanos";
    /** A delivery read for the API. */
    public static final String DELIVERY = "delivery";

    /** Prefix of the per-route start marks of the route statistics ({@code gatewayRouteStarted.<routeId>}). */
    public static final String ROUTE_STARTED_PREFIX = "gatewayRouteStarted.";
}
