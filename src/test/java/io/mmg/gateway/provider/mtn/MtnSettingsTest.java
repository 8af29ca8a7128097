package io.mmg.gateway.provider.mtn;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmg.gateway.payment.Countries;
import io.mmg.gateway.payment.Country;
import io.mmg.gateway.payment.Provider;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Target environment and currency per country (docs/providers.md#mtn-hosts, #mtn-authentication, #mtn-sandbox; the country table's eleven MTN markets). */
class MtnSettingsTest {

    private final MtnSettings production = new MtnSettings(null, "production", null, null, null, null);
    private final MtnSettings sandbox = new MtnSettings(null, "sandbox", null, null, null, null);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "UG, mtnuganda", "GH, mtnghana", "RW, mtnrwanda", "ZM, mtnzambia", "NG, mtnnigeria", "BJ, mtnbenin",
            "CM, mtncameroon", "CG, mtncongo", "CI, mtnivorycoast", "GN, mtnguineaconakry"})
    void each_mtn_country_has_its_production_environment(String country, String environment) {
        assertThat(production.targetEnvironmentFor(country)).isEqualTo(environment);
        assertThat(sandbox.targetEnvironmentFor(country)).isEqualTo("sandbox");
    }

    @Test
    void every_mtn_country_of_the_country_table_is_known_or_explicitly_unconfirmed() {
        for (Country country : Countries.ALL) {
            if (country.providers().contains(Provider.MTN_MOMO)) {
                assertThat(production.configuredTargetEnvironment(country.code()).isPresent())
                        .as(country.code()).isEqualTo(!country.code().equals("GW"));
            }
        }
    }

    @Test
    void a_configured_environment_wins_over_the_default_whatever_the_case_of_its_key() {
        MtnSettings overridden = new MtnSettings(null, "production", null, null, null, null,
                Map.of("ug", new MtnSettings.Country("mtnuganda-new")), null);

        assertThat(overridden.targetEnvironmentFor("UG")).isEqualTo("mtnuganda-new");
        assertThat(overridden.targetEnvironmentFor("GH")).isEqualTo("mtnghana");
    }

    @Test
    void the_wire_currency_is_eur_in_the_sandbox_and_the_countrys_in_production() {
        assertThat(sandbox.wireCurrency("UGX")).isEqualTo("EUR");
        assertThat(production.wireCurrency("UGX")).isEqualTo("UGX");
        assertThat(new MtnSettings(null, null, null, null, null, null).isSandbox()).isTrue();
    }
}
