package io.mmg.gateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

class SandboxControlTest {

    private final List<Map<String, String>> appliedSettings = new ArrayList<>();
    private final SandboxControl control = new SandboxControl("test",
            status -> ResponseEntity.status(status).body("fault " + status), appliedSettings::add);
    private final AtomicInteger processed = new AtomicInteger();

    private ResponseEntity<Object> call(String operation, String scope, String msisdn) {
        return control.intercept(new SandboxRequest(operation, scope, msisdn), sandboxCall -> {
            processed.incrementAndGet();
            return ResponseEntity.ok(sandboxCall.suppressCallback() ? "silent" : "ok");
        });
    }

    @Test
    void a_fault_answers_its_status_the_given_number_of_times_then_requests_are_processed() {
        control.add(SandboxFault.failing("requesttopay", 2, 503));

        assertThat(call("requesttopay", "collection", null).getStatusCode().value()).isEqualTo(503);
        assertThat(call("requesttopay", "collection", null).getBody()).isEqualTo("fault 503");
        assertThat(call("requesttopay", "collection", null).getBody()).isEqualTo("ok");
        assertThat(processed).hasValue(1);
        assertThat(control.behaviour().faults()).isEmpty();
    }

    @Test
    void a_fault_for_one_number_leaves_other_numbers_alone() {
        control.add(new SandboxFault("requesttopay", "256700000001", -1, 500, 0L, false, false));

        assertThat(call("requesttopay", null, "256700000002").getBody()).isEqualTo("ok");
        assertThat(call("requesttopay", null, "256700000001").getBody()).isEqualTo("fault 500");
        assertThat(call("requesttopay", null, "256700000001").getBody()).isEqualTo("fault 500");
        assertThat(control.behaviour().faults()).singleElement().extracting(SandboxFault::times).isEqualTo(-1);
    }

    @Test
    void a_fault_may_name_the_operation_of_one_scope_only() {
        control.add(SandboxFault.failing("disbursement/token", 1, 500));

        assertThat(call("token", "collection", null).getBody()).isEqualTo("ok");
        assertThat(call("token", "disbursement", null).getBody()).isEqualTo("fault 500");
    }

    @Test
    void a_callback_can_be_suppressed_while_the_request_is_processed() {
        control.add(new SandboxFault("*", null, 1, null, 0L, false, true));

        assertThat(call("transfer", null, null).getBody()).isEqualTo("silent");
        assertThat(call("transfer", null, null).getBody()).isEqualTo("ok");
    }

    @Test
    void a_late_answer_is_processed_before_the_wait() {
        control.add(new SandboxFault("transfer", null, 1, null, 200L, true, false));
        long started = System.nanoTime();

        control.intercept(new SandboxRequest("transfer", null, null), sandboxCall -> {
            assertThat(System.nanoTime() - started).isLessThan(150_000_000L);
            return ResponseEntity.ok().build();
        });

        assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(200_000_000L);
    }

    @Test
    void requests_are_counted_per_operation_scope_and_number() {
        call("token", "collection", null);
        call("token", "disbursement", null);
        call("requesttopay", "collection", "256700000001");

        assertThat(control.stats().requests()).containsEntry("token", 2L).containsEntry("collection/token", 1L)
                .containsEntry("requesttopay", 1L);
        assertThat(control.stats().requests("256700000001")).containsEntry("requesttopay", 1L)
                .doesNotContainKey("token");
    }

    @Test
    void reset_clears_faults_latency_settings_and_counters() {
        control.replace(new SandboxBehaviour(5L, List.of(SandboxFault.failing("*", -1, 500)),
                Map.of("token-ttl", "2s")));
        call("token", null, null);

        control.reset();

        assertThat(control.behaviour()).isEqualTo(SandboxBehaviour.NONE);
        assertThat(control.stats().requests()).isEmpty();
        assertThat(appliedSettings).containsExactly(Map.of("token-ttl", "2s"), Map.of());
    }

    @Test
    void invalid_faults_are_refused() {
        assertThatThrownBy(() -> new SandboxFault("x", null, 0, 503, 0L, false, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SandboxFault("x", null, 1, 200, 0L, false, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SandboxFault("x", null, 1, null, -1L, false, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_throttling_fault_tells_when_to_come_back() {
        control.add(new SandboxFault("requesttopay", null, 1, 429, 0L, false, false, null, 3, false, false));

        ResponseEntity<Object> answer = call("requesttopay", null, null);

        assertThat(answer.getStatusCode().value()).isEqualTo(429);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("3");
        assertThat(processed).hasValue(0);
    }

    @Test
    void an_invalid_json_fault_processes_the_request_and_garbles_its_answer() {
        control.add(new SandboxFault("requesttopay-status", null, 1, null, 0L, false, false, null, null, false, true));

        ResponseEntity<Object> answer = call("requesttopay-status", null, null);

        assertThat(processed).hasValue(1);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).isEqualTo(SandboxControl.TRUNCATED_JSON);
    }

    @Test
    void a_dropped_connection_cannot_also_answer_a_status() {
        assertThatThrownBy(() -> new SandboxFault("x", null, 1, 500, 0L, false, false, null, null, true, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SandboxFault("x", null, 1, null, 0L, false, false, null, 5, false, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requests_are_counted_per_reference_and_created_transactions_per_external_id() {
        control.intercept(new SandboxRequest("requesttopay", null, null, "ref-1"), call -> ResponseEntity.ok().build());
        control.intercept(new SandboxRequest("requesttopay", null, null, "ref-1"), call -> ResponseEntity.ok().build());
        control.references().created("ref-1", "order-1");
        control.references().created("ref-2", "order-1");

        assertThat(control.references().createdByExternalId()).containsEntry("order-1", java.util.Set.of("ref-1", "ref-2"));
        assertThat(control.references().references()).containsKey("ref-1");
        assertThat(control.timeline().perSecond("requesttopay").values()).containsExactly(2L);
    }

    @Test
    void two_requests_about_one_reference_at_once_are_seen_as_overlapping() {
        SandboxRequest status = new SandboxRequest("requesttopay-status", null, null, "ref-9");
        control.intercept(status, outer -> {
            control.intercept(status, inner -> ResponseEntity.ok().build());
            return ResponseEntity.ok().build();
        });
        control.intercept(status, call -> ResponseEntity.ok().build());

        @SuppressWarnings("unchecked")
        Map<String, Object> reference = (Map<String, Object>) control.references().references().get("ref-9");
        assertThat(reference.get("mostInFlight")).isEqualTo(Map.of("requesttopay-status", 2));
        assertThat(reference.get("requests")).isEqualTo(Map.of("requesttopay-status", 3L));
    }
}
