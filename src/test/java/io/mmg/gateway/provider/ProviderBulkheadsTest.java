package io.mmg.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.mmg.gateway.api.ExchangeProperties;
import io.mmg.gateway.payment.FailureReason;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class ProviderBulkheadsTest {

    static final ProviderCall STATUS = new ProviderCall(ProviderCall.STATUS, "GET", "/collection/v1_0/requesttopay/x", Map.of(), null);
    static final ProviderCall INITIATE = new ProviderCall(ProviderCall.INITIATE, "POST", "/collection/v1_0/requesttopay", Map.of(), "{}");
    static final ProviderCall STK_PUSH = new ProviderCall("stkpush", "POST", "/mpesa/stkpush/v1/processrequest", Map.of(), "{}");

    final CamelContext camel = new DefaultCamelContext();

    @Test
    void calls_beyond_the_bound_are_refused_and_a_place_comes_back_when_a_call_ends() {
        ProviderBulkheads bulkheads = new ProviderBulkheads(2, 2, 64);
        Exchange first = enter(bulkheads, "mtn-collection", INITIATE);
        enter(bulkheads, "mtn-collection", INITIATE);

        assertThatThrownBy(() -> enter(bulkheads, "mtn-collection", INITIATE)).isInstanceOf(BulkheadFullException.class);
        bulkheads.leave(first);
        enter(bulkheads, "mtn-collection", INITIATE);
    }

    @Test
    void each_product_has_its_own_bound() {
        ProviderBulkheads bulkheads = new ProviderBulkheads(1, 1, 64);
        enter(bulkheads, "mtn-collection", INITIATE);

        enter(bulkheads, "mtn-disbursement", INITIATE);
        enter(bulkheads, "mpesa-stk-push", STK_PUSH);
    }

    @Test
    void queries_take_at_most_half_of_a_product_so_payment_requests_keep_the_rest() {
        ProviderBulkheads bulkheads = new ProviderBulkheads(4, 4, 64);
        enter(bulkheads, "mtn-collection", STATUS);
        enter(bulkheads, "mtn-collection", STATUS);

        assertThatThrownBy(() -> enter(bulkheads, "mtn-collection", STATUS)).isInstanceOf(BulkheadFullException.class);
        enter(bulkheads, "mtn-collection", INITIATE);
        enter(bulkheads, "mtn-collection", INITIATE);
    }

    @Test
    void leaving_twice_or_without_entering_gives_back_nothing() {
        ProviderBulkheads bulkheads = new ProviderBulkheads(1, 1, 64);
        Exchange entered = enter(bulkheads, "mtn-collection", INITIATE);
        bulkheads.leave(entered);
        bulkheads.leave(entered);
        bulkheads.leave(new DefaultExchange(camel));
        enter(bulkheads, "mtn-collection", INITIATE);

        assertThatThrownBy(() -> enter(bulkheads, "mtn-collection", INITIATE)).isInstanceOf(BulkheadFullException.class);
    }

    @Test
    void bulkheads_that_could_take_every_request_thread_refuse_to_start() {
        // 3 MTN products x 8 + 3 M-Pesa products x 8 = 48 calls in flight, for 48 request threads.
        assertThatThrownBy(() -> new ProviderBulkheads(8, 8, 48))
                .isInstanceOf(BulkheadBudgetException.class)
                .hasMessageContaining("= 48")
                .hasMessageContaining("GATEWAY_REQUEST_THREADS");
        new ProviderBulkheads(8, 8, 49);
    }

    @Test
    void a_bound_below_one_refuses_to_start() {
        assertThatThrownBy(() -> new ProviderBulkheads(0, 8, 64))
                .isInstanceOf(BulkheadBudgetException.class)
                .hasMessageContaining("gateway.mtn.max-concurrent-calls");
    }

    @Test
    void a_refused_call_was_not_sent_and_frees_the_idempotency_key() {
        ProviderBulkheads bulkheads = new ProviderBulkheads(1, 1, 64);
        enter(bulkheads, "mtn-collection", INITIATE);
        BulkheadFullException refused = null;
        try {
            enter(bulkheads, "mtn-collection", INITIATE);
        } catch (BulkheadFullException e) {
            refused = e;
        }

        ProviderOutcome outcome = ProviderFailures.outcomeFor(refused);
        assertThat(outcome.kind()).isEqualTo(ProviderOutcome.Kind.NOT_SENT);
        assertThat(outcome.reason()).isEqualTo(FailureReason.PROVIDER_UNAVAILABLE);
        assertThat(outcome.providerReason()).isEqualTo("BULKHEAD_FULL");
    }

    private Exchange enter(ProviderBulkheads bulkheads, String route, ProviderCall call) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty(ExchangeProperties.PROVIDER_CALL, call);
        bulkheads.enter(exchange, route);
        return exchange;
    }
}
