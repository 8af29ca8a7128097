package io.mmg.gateway.sandbox.mtn;

/**
 * The body Azure API Management answers with before a request reaches MoMo: subscription key, rate limit,
 * unknown operation (docs/providers.md#mtn-tokens, #mtn-errors).
 */
public record MtnApimErrorBody(int statusCode, String message) {

    static final MtnApimErrorBody MISSING_SUBSCRIPTION_KEY = new MtnApimErrorBody(401,
            "Access denied due to missing subscription key. Make sure to include subscription key when making "
                    + "requests to an API.");
    static final MtnApimErrorBody INVALID_SUBSCRIPTION_KEY = new MtnApimErrorBody(401,
            "Access denied due to invalid subscription key. Make sure to provide a valid key for an active "
                    + "subscription.");
    /** UNCONFIRMED (docs/providers.md#mtn-tokens, #open-questions): the body for an expired or unknown Bearer token was never recorded. */
    static final MtnApimErrorBody INVALID_ACCESS_TOKEN = new MtnApimErrorBody(401,
            "Access denied due to invalid or expired access token.");
    static final MtnApimErrorBody RATE_LIMITED = new MtnApimErrorBody(429,
            "Rate limit is exceeded. Try again in 1 seconds.");
    /** A second delivery notification for one request-to-pay (MTN Java SDK tests, docs/providers.md#mtn-collection). */
    static final MtnApimErrorBody TOO_MANY_NOTIFICATIONS = new MtnApimErrorBody(429,
            "A delivery notification was already sent for this request.");
    /** Disbursement is IP-whitelisted in production (docs/providers.md#mtn-disbursement); MTN names the error "FORBIDDEN IP" (docs/providers.md#mtn-errors), body UNCONFIRMED. */
    static final MtnApimErrorBody FORBIDDEN_IP = new MtnApimErrorBody(403,
            "FORBIDDEN IP: the caller's address is not whitelisted for this subscription.");
    static final MtnApimErrorBody NO_SUCH_OPERATION = new MtnApimErrorBody(404, "Resource not found");
}
