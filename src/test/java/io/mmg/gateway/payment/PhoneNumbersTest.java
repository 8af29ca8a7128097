package io.mmg.gateway.payment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest
    @CsvSource({
            "256772123456, 256772123456",
            "+256772123456, 256772123456",
            "00256772123456, 256772123456",
            "'+256 772-123 456', 256772123456",
            "(256) 772.123.456, 256772123456"})
    void what_people_type_is_normalised_to_international_digits(String typed, String expected) {
        assertThat(PhoneNumbers.normalise(typed)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "25677212345a", "1234567", "1234567890123456", "+"})
    void anything_else_is_not_a_phone_number(String typed) {
        assertThat(PhoneNumbers.normalise(typed)).isNull();
    }

    @Test
    void masked_numbers_keep_only_the_country_code_and_last_digits() {
        assertThat(PhoneNumbers.mask("256772123456")).isEqualTo("256******456").doesNotContain("772123");
        assertThat(PhoneNumbers.mask("123")).isEqualTo("***");
        assertThat(PhoneNumbers.mask(null)).isEqualTo("***");
    }
}
