package io.mmg.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mmg.gateway.payment.PhoneNumbers;
import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.Phones;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * What an operator reads in the logs about a payment: one line per status change whichever path made it, the
 * payment id on the lines of its processing, and a provider failure in one line. Never a full phone number.
 */
@ExtendWith(OutputCaptureExtension.class)
class PaymentLogsTest extends GatewayApiTest {

    @Test
    void each_status_change_of_a_callback_settled_payment_is_one_info_line_with_a_masked_phone(CapturedOutput output) {
        String phone = Phones.uganda();
        String id = collect(phone, "1000").json().path("id").asText();
        awaitStatus(id, "SUCCESSFUL");

        await().atMost(Duration.ofSeconds(5)).until(() -> !linesAbout(output, id, "StatusChangeLog").isEmpty());
        assertThat(linesAbout(output, id, "StatusChangeLog")).singleElement().satisfies(line -> assertThat(line)
                .contains(" INFO ", "Payment " + id + " MTN_MOMO COLLECTION: PENDING -> SUCCESSFUL",
                        "phone " + PhoneNumbers.mask(phone), "route mtn-callback", "paymentId=" + id));
        assertThat(output.getAll()).doesNotContain(phone);
    }

    @Test
    void a_status_the_poller_finds_is_logged_from_the_poller(CapturedOutput output) {
        String phone = Phones.uganda();
        mtn.addFault("{\"operation\":\"requesttopay\",\"msisdn\":\"" + phone + "\",\"times\":1,\"suppressCallback\":true}");
        String id = collect(phone, "1000").json().path("id").asText();
        awaitStatus(id, "SUCCESSFUL");

        await().atMost(Duration.ofSeconds(5)).until(() -> !linesAbout(output, id, "StatusChangeLog").isEmpty());
        assertThat(linesAbout(output, id, "StatusChangeLog")).singleElement().asString()
                .contains("PENDING -> SUCCESSFUL", "route poll-payment");
    }

    @Test
    void a_provider_503_is_one_warn_line_with_the_payment_its_product_and_the_status(CapturedOutput output) {
        String phone = Phones.uganda();
        mtn.addFault("{\"operation\":\"requesttopay\",\"msisdn\":\"" + phone + "\",\"times\":-1,\"httpStatus\":503}");
        String id = collect(phone, "1000").json().path("details").path("paymentId").asText();

        List<String> warnings = output.getAll().lines().filter(line -> line.contains(" WARN ")).toList();
        assertThat(warnings.stream().filter(line -> line.contains(id)))
                .singleElement().asString()
                .contains("Provider call failed for payment " + id + " (MTN_MOMO COLLECTION) after 3 attempt(s)",
                        "503", "paymentId=" + id)
                .hasSizeLessThan(400);
        assertThat(warnings).noneMatch(line -> line.contains("Failed delivery for"));
        // The failure is also a status change: PENDING -> FAILED (nothing was sent) or UNKNOWN.
        assertThat(linesAbout(output, id, "StatusChangeLog")).singleElement().asString().contains("PENDING -> ");
        assertThat(output.getAll()).doesNotContain(phone);
    }

    @Test
    void a_cancellation_is_a_status_change_line_too(CapturedOutput output) {
        // MTN's sandbox number that stays PENDING until told otherwise (docs/sandbox.md).
        String id = http.post("/api/v1/collections", apiKey,
                "{\"amount\":\"5\",\"currency\":\"EUR\",\"phoneNumber\":\"46733123454\"}").json().path("id").asText();
        assertThat(http.post("/api/v1/payments/" + id + "/cancel", apiKey, null).status()).isEqualTo(200);

        assertThat(linesAbout(output, id, "StatusChangeLog")).singleElement().asString()
                .contains("Payment " + id + " MTN_MOMO COLLECTION: PENDING -> CANCELLED", "route cancel-payment");
    }

    private static List<String> linesAbout(CapturedOutput output, String paymentId, String logger) {
        return output.getAll().lines().filter(line -> line.contains(logger) && line.contains(paymentId)).toList();
    }
}
