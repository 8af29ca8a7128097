package io.mmg.gateway.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CurrenciesTest {

    @Test
    void currencies_without_minor_units_take_whole_amounts_only() {
        for (String currency : new String[] {"UGX", "RWF", "XAF", "XOF", "GNF", "KES"}) {
            assertThat(Currencies.fitsMinorUnits(new BigDecimal("1000"), currency)).as(currency).isTrue();
            assertThat(Currencies.fitsMinorUnits(new BigDecimal("1000.00"), currency)).as(currency).isTrue();
            assertThat(Currencies.fitsMinorUnits(new BigDecimal("1000.5"), currency)).as(currency).isFalse();
        }
    }

    @Test
    void two_decimal_currencies_take_cents_but_not_fractions_of_them() {
        assertThat(Currencies.fitsMinorUnits(new BigDecimal("10.55"), "GHS")).isTrue();
        assertThat(Currencies.fitsMinorUnits(new BigDecimal("10.555"), "GHS")).isFalse();
    }

    @Test
    void amounts_are_formatted_with_exactly_the_currency_decimals() {
        assertThat(Currencies.format(new BigDecimal("1000.0000"), "UGX")).isEqualTo("1000");
        assertThat(Currencies.format(new BigDecimal("10.5"), "GHS")).isEqualTo("10.50");
        assertThat(Currencies.format(new BigDecimal("0.1").add(new BigDecimal("0.2")), "EUR")).isEqualTo("0.30");
    }

    @Test
    void formatting_never_rounds_money_away() {
        assertThatThrownBy(() -> Currencies.format(new BigDecimal("10.5"), "UGX")).isInstanceOf(ArithmeticException.class);
    }
}
