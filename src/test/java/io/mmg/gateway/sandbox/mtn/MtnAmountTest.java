package io.mmg.gateway.sandbox.mtn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MtnAmountTest {

    @ParameterizedTest(name = "\"{0}\" is echoed as \"{1}\"")
    @CsvSource({"6.0, 6", "6, 6", "6.50, 6.5", "100, 100", "0.01, 0.01", "1E+3, 1000", "' 50000 ', 50000"})
    void amounts_are_echoed_without_trailing_zeros(String sent, String echoed) {
        assertThat(MtnAmount.normalise(sent)).contains(echoed);
    }

    @ParameterizedTest(name = "\"{0}\" is not an amount")
    @ValueSource(strings = {"", " ", "0", "0.00", "-5", "abc", "1,5"})
    void zero_negative_and_non_numbers_are_not_amounts(String sent) {
        assertThat(MtnAmount.normalise(sent)).isEmpty();
    }
}
