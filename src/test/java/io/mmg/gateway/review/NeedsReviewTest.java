package io.mmg.gateway.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.Phones;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How a payment the gateway cannot settle by itself goes to review, and how the provider still settles it there. */
class NeedsReviewTest extends ReviewTestBase {

    @AfterEach
    void clearFaults() {
        mtn.reset();
    }

    @Test
    void an_stk_push_nobody_answers_becomes_unknown_then_needs_review_and_is_never_expired() {
        String phone = Phones.kenya();
        String id = stkPushNobodyAnswers(phone);

        awaitStatus(id, "NEEDS_REVIEW");
        awaitMorePolls(id, 2);

        assertThat(status(id)).isEqualTo("NEEDS_REVIEW");
        assertThat(statusEvents(id))
                .extracting(e -> e.get("from_status"), e -> e.get("to_status"), e -> e.get("source"))
                .containsExactly(tuple("PENDING", "UNKNOWN", "PROVIDER"), tuple("UNKNOWN", "NEEDS_REVIEW", "POLLER"));
        assertThat(mpesa.requests("stkpush", phone)).isEqualTo(1);
        assertThat(mpesa.requests("stkpushquery", phone)).isZero();
    }

    @Test
    void an_mtn_payment_whose_status_queries_keep_failing_needs_review_and_is_never_expired() {
        String id = mtnCollectionWhoseStatusCannotBeAsked();

        awaitStatus(id, "NEEDS_REVIEW");
        awaitMorePolls(id, 2);

        assertThat(status(id)).isEqualTo("NEEDS_REVIEW");
        List<Map<String, Object>> events = statusEvents(id);
        assertThat(events).extracting(e -> e.get("from_status"), e -> e.get("to_status"), e -> e.get("source"))
                .containsExactly(tuple("PENDING", "NEEDS_REVIEW", "POLLER"));
        assertThat(events.get(0).get("details").toString()).contains("NO_ANSWER").contains("SERVICE_UNAVAILABLE");
    }

    @Test
    void a_later_status_answer_settles_a_payment_in_review() {
        String id = mtnCollectionWhoseStatusCannotBeAsked();
        awaitStatus(id, "NEEDS_REVIEW");

        mtn.reset();

        JsonNode settled = awaitStatus(id, "SUCCESSFUL");
        assertThat(settled.path("financialTransactionId").asText()).isNotBlank();
        assertThat(statusEvents(id)).last().satisfies(e -> assertThat(e.get("from_status")).isEqualTo("NEEDS_REVIEW"));
    }

    @Test
    void a_late_callback_settles_a_payment_in_review() {
        String phone = Phones.kenya();
        String id = stkPushNobodyAnswers(phone);
        awaitStatus(id, "NEEDS_REVIEW");

        HttpResponseView callback = mpesa.resendCallback(mpesa.latestOf(phone).path("id").asText(), "{}");

        assertThat(callback.status()).isEqualTo(200);
        assertThat(status(id)).isEqualTo("SUCCESSFUL");
        assertThat(statusEvents(id)).last().satisfies(e -> {
            assertThat(e.get("from_status")).isEqualTo("NEEDS_REVIEW");
            assertThat(e.get("source")).isEqualTo("CALLBACK");
        });
    }

    @Test
    void a_payment_in_review_is_listed_for_its_merchant() {
        String id = paymentInReview();

        JsonNode page = http.get("/api/v1/payments?status=NEEDS_REVIEW", apiKey).json();

        assertThat(page.path("total").asInt()).isEqualTo(1);
        assertThat(page.path("items").get(0).path("id").asText()).isEqualTo(id);
    }

    @Test
    void payments_in_review_are_counted_for_operators() {
        String id = paymentInReview();

        JsonNode queue = http.get("/api/v1/admin/payments/needs-review?size=100", ADMIN).json();
        JsonNode gauge = http.get("/actuator/metrics/gateway.payments.needs.review", null).json();

        List<String> queued = new ArrayList<>();
        queue.path("items").forEach(item -> queued.add(item.path("id").asText()));
        assertThat(queued).contains(id);
        assertThat(queue.path("total").asInt()).isPositive();
        assertThat(gauge.path("measurements").get(0).path("value").asDouble()).isPositive();
    }

    @Test
    void unknown_payments_older_than_asked_are_listed_with_the_queue() {
        String id = stkPushNobodyAnswers(Phones.kenya());

        List<String> oldOnly = queueIds("&unknownOlderThanMinutes=60");
        boolean stillUnknown = status(id).equals("UNKNOWN");
        List<String> withYoungUnknown = queueIds("&unknownOlderThanMinutes=0");

        if (stillUnknown) {
            assertThat(oldOnly).doesNotContain(id);
        }
        assertThat(withYoungUnknown).contains(id);
        assertThat(http.get("/api/v1/admin/payments/needs-review?unknownOlderThanMinutes=-1", ADMIN).status()).isEqualTo(400);
    }

    private List<String> queueIds(String query) {
        List<String> ids = new ArrayList<>();
        http.get("/api/v1/admin/payments/needs-review?size=100" + query, ADMIN).json().path("items")
                .forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    /** An MTN request to pay MTN takes (PENDING) whose callback never comes and whose status queries all get 503. */
    private String mtnCollectionWhoseStatusCannotBeAsked() {
        String phone = Phones.uganda();
        mtn.addFault("""
                {"operation":"requesttopay","msisdn":"%s","times":1,"suppressCallback":true}""".formatted(phone));
        mtn.addFault("""
                {"operation":"requesttopay-status","msisdn":"%s","times":-1,"httpStatus":503}""".formatted(phone));
        HttpResponseView created = collect(phone, "1500");
        assertThat(created.status()).isEqualTo(202);
        assertThat(created.json().path("status").asText()).isEqualTo("PENDING");
        return created.json().path("id").asText();
    }
}
