package io.mmg.gateway.sandbox.mpesa;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MpesaSandboxRulesTest {

    private final MpesaSandboxRules rules = new MpesaSandboxRules(List.of(
            new MpesaSandboxRule(null, new BigDecimal("777"), "1", null, null),
            new MpesaSandboxRule("2547110\\d{5}", null, "1037", Duration.ofSeconds(60), null),
            new MpesaSandboxRule("25470000(\\d{4})", null, "$1", null, null)));

    @Test
    void the_number_block_carries_the_result_code_without_leading_zeros() {
        assertThat(rules.decide("254700001032", BigDecimal.TEN).orElseThrow().resultCode()).isEqualTo("1032");
        assertThat(rules.decide("254700000001", BigDecimal.TEN).orElseThrow().resultCode()).isEqualTo("1");
        assertThat(rules.decide("254700000000", BigDecimal.TEN).orElseThrow().resultCode()).isEqualTo("0");
    }

    @Test
    void the_first_matching_rule_wins_with_its_own_delay_and_other_numbers_get_none() {
        assertThat(rules.decide("254700001032", new BigDecimal("777")).orElseThrow().resultCode()).isEqualTo("1");
        assertThat(rules.decide("254711012345", BigDecimal.TEN).orElseThrow().delay()).isEqualTo(Duration.ofSeconds(60));
        assertThat(rules.decide("254722123456", BigDecimal.TEN)).isEmpty();
    }
}
