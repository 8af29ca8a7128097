package io.mmg.gateway.mpesa;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.Phones;
import org.junit.jupiter.api.Test;

/** The Daraja app's one OAuth token: cached for every product (its expires_in is a string), replaced when rejected. */
class MpesaTokenTest extends GatewayApiTest {

    @Test
    void one_cached_token_serves_collections_and_disbursements() {
        collect(Phones.kenya(), "200");   // makes sure a token is cached
        mpesa.resetStats();

        assertThat(collect(Phones.kenya(), "201").status()).isEqualTo(202);
        assertThat(http.post("/api/v1/disbursements", apiKey,
                "{\"amount\":\"202\",\"phoneNumber\":\"" + Phones.kenya() + "\"}").status()).isEqualTo(202);

        assertThat(mpesa.requests("token", null)).isZero();
    }

    @Test
    void a_token_daraja_rejects_is_replaced_and_the_push_goes_through_once() {
        String phone = Phones.kenya();
        // 404.001.03 "Invalid Access Token": Daraja's usual answer to an expired or superseded token (docs/providers.md#daraja-errors).
        mpesa.fail("stkpush", phone, 1, 404, null);
        mpesa.resetStats();

        HttpResponseView created = collect(phone, "203");

        assertThat(created.status()).isEqualTo(202);
        assertThat(mpesa.requests("token", null)).isEqualTo(1);
        assertThat(mpesa.requests("stkpush", phone)).isEqualTo(2);
        assertThat(mpesa.transactionsOf(phone)).hasSize(1);
    }
}
