package io.mmg.gateway.payment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountriesTest {

    @ParameterizedTest
    @CsvSource({
            "256772123456, UG, UGX", "233244000000, GH, GHS", "250788123456, RW, RWF", "260964000000, ZM, ZMW",
            "2348031234567, NG, NGN", "2290197123456, BJ, XOF", "22997123456, BJ, XOF", "237670000000, CM, XAF",
            "242061234567, CG, XAF", "2250701234567, CI, XOF", "245955123456, GW, XOF", "224621234567, GN, GNF",
            "254712345678, KE, KES"})
    void every_market_of_the_country_table_is_recognised_with_its_currency(String msisdn, String country, String currency) {
        Country found = Countries.of(msisdn, false).orElseThrow();
        assertThat(found.code()).isEqualTo(country);
        assertThat(found.currency()).isEqualTo(currency);
    }

    @Test
    void a_number_of_the_wrong_length_belongs_to_no_country() {
        assertThat(Countries.of("25677212345", false)).isEmpty();
        assertThat(Countries.of("2567721234567", false)).isEmpty();
        assertThat(Countries.of("449999999999", false)).isEmpty();
    }

    @Test
    void mtn_sandbox_test_numbers_exist_only_when_the_sandbox_is_the_target() {
        assertThat(Countries.of("46733123450", true)).contains(Countries.MTN_SANDBOX);
        assertThat(Countries.of("46733123450", false)).isEmpty();
        assertThat(Countries.MTN_SANDBOX.currency()).isEqualTo("EUR");
    }

    @Test
    void kenya_is_served_by_mpesa_and_the_mtn_markets_by_mtn() {
        assertThat(Countries.byCode("KE").orElseThrow().providers()).containsExactly(Provider.MPESA);
        assertThat(Countries.ALL).filteredOn(c -> c.providers().contains(Provider.MTN_MOMO)).hasSize(11);
    }
}
