package io.mmg.gateway.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.ErrorCode;
import io.mmg.gateway.provider.mtn.MtnSettings;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaymentRequestParserTest {

    private final PaymentRequestParser parser = new PaymentRequestParser(
            new AmountLimits(Map.of("UGX", new AmountLimits.Limit(new BigDecimal("1000"), new BigDecimal("4000000"), null),
                    "GHS", new AmountLimits.Limit(BigDecimal.ONE, new BigDecimal("10000"), null))),
            new SupportedProducts(),
            new MtnSettings(null, "sandbox", null, null, null, null));

    @Test
    void a_minimal_request_takes_the_country_currency_and_provider_from_the_number() {
        PaymentRequest request = parser.parse("{\"amount\":\"1500\",\"phoneNumber\":\"+256 772 123456\"}", PaymentType.COLLECTION.name());

        assertThat(request.msisdn()).isEqualTo("256772123456");
        assertThat(request.currency()).isEqualTo("UGX");
        assertThat(request.product()).isEqualTo(ProviderProduct.MTN_COLLECTION);
        assertThat(request.amount()).isEqualByComparingTo("1500");
    }

    @Test
    void json_numbers_are_read_as_exact_decimals() {
        PaymentRequest request = parser.parse("{\"amount\":9999.99,\"phoneNumber\":\"233244000000\"}", PaymentType.COLLECTION.name());
        // As a double this would be 9999.98999999999978172...; as a BigDecimal it is exact.
        assertThat(request.amount()).isEqualByComparingTo(new BigDecimal("9999.99"));
        assertThat(request.amount().toPlainString()).isEqualTo("9999.99");
    }

    @Test
    void the_same_request_written_differently_has_the_same_fingerprint() {
        String a = parser.parse("{\"amount\":\"1500\",\"phoneNumber\":\"256772123456\",\"metadata\":{\"a\":1,\"b\":{\"x\":1,\"y\":2}}}",
                PaymentType.COLLECTION.name()).requestHash();
        String b = parser.parse("{\"metadata\":{\"b\":{\"y\":2,\"x\":1},\"a\":1},\"phoneNumber\":\"+256772123456\",\"amount\":1500.0}",
                PaymentType.COLLECTION.name()).requestHash();
        String number = parser.parse("{ \"phoneNumber\": \"+256772123456\", \"amount\": 1500 }", PaymentType.COLLECTION.name())
                .requestHash();
        assertThat(number).isEqualTo(parser.parse("{\"amount\":\"1500\",\"phoneNumber\":\"256772123456\"}",
                PaymentType.COLLECTION.name()).requestHash());
        String other = parser.parse("{\"amount\":\"1501\",\"phoneNumber\":\"256772123456\"}", PaymentType.COLLECTION.name()).requestHash();

        assertThat(a).isEqualTo(b).isNotEqualTo(other);
    }

    @Test
    void a_sandbox_test_number_is_an_eur_payment() {
        PaymentRequest request = parser.parse("{\"amount\":\"5\",\"phoneNumber\":\"46733123450\"}", PaymentType.COLLECTION.name());
        assertThat(request.currency()).isEqualTo("EUR");
        assertThat(request.country().code()).isEqualTo("ZZ");
    }

    @Test
    void limits_are_checked_per_currency() {
        assertCode("{\"amount\":\"999\",\"phoneNumber\":\"256772123456\"}", ErrorCode.AMOUNT_TOO_LOW);
        assertCode("{\"amount\":\"4000001\",\"phoneNumber\":\"256772123456\"}", ErrorCode.AMOUNT_TOO_HIGH);
        assertCode("{\"amount\":\"0.50\",\"phoneNumber\":\"233244000000\"}", ErrorCode.AMOUNT_TOO_LOW);
    }

    @Test
    void products_this_build_cannot_route_are_refused_before_anything_is_stored() {
        assertThatThrownBy(() -> parser.parse("{\"amount\":\"100\",\"phoneNumber\":\"254712345678\"}",
                PaymentType.REMITTANCE.name()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_PROVIDER));
        assertCode("{\"amount\":\"1500\",\"phoneNumber\":\"256772123456\",\"provider\":\"MPESA\"}", ErrorCode.UNSUPPORTED_PROVIDER);
    }

    @Test
    void a_kenyan_number_is_paid_by_mpesa_in_whole_shillings() {
        PaymentRequest collection = parser.parse("{\"amount\":\"100\",\"phoneNumber\":\"254712345678\"}",
                PaymentType.COLLECTION.name());
        PaymentRequest disbursement = parser.parse("{\"amount\":\"100\",\"phoneNumber\":\"254712345678\"}",
                PaymentType.DISBURSEMENT.name());

        assertThat(collection.product()).isEqualTo(ProviderProduct.MPESA_STK_PUSH);
        assertThat(collection.currency()).isEqualTo("KES");
        assertThat(disbursement.product()).isEqualTo(ProviderProduct.MPESA_B2C);
        assertCode("{\"amount\":\"100.50\",\"phoneNumber\":\"254712345678\"}", ErrorCode.INVALID_AMOUNT);
    }

    private void assertCode(String body, ErrorCode code) {
        assertThatThrownBy(() -> parser.parse(body, PaymentType.COLLECTION.name()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
