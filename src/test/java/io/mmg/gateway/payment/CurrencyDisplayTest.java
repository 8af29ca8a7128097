package io.mmg.gateway.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Amounts for people to read (receipts): ISO code, grouped thousands, the decimals the provider moves. */
class CurrencyDisplayTest {

    private static String display(String amount, String currency) {
        return Currencies.display(new BigDecimal(amount), currency);
    }

    @Test
    void currencies_without_minor_units_show_whole_amounts() {
        assertThat(display("15000", "UGX")).isEqualTo("UGX 15,000");
        assertThat(display("1000.0000", "RWF")).isEqualTo("RWF 1,000");
        assertThat(display("2000000", "XAF")).isEqualTo("XAF 2,000,000");
        assertThat(display("100", "XOF")).isEqualTo("XOF 100");
        assertThat(display("20000000", "GNF")).isEqualTo("GNF 20,000,000");
    }

    @Test
    void kenyan_shillings_are_whole_because_m_pesa_moves_whole_shillings() {
        assertThat(display("1000", "KES")).isEqualTo("KES 1,000");
    }

    @Test
    void two_decimal_currencies_always_show_their_cents() {
        assertThat(display("5", "EUR")).isEqualTo("EUR 5.00");
        assertThat(display("1250.5", "GHS")).isEqualTo("GHS 1,250.50");
        assertThat(display("999.99", "ZMW")).isEqualTo("ZMW 999.99");
        assertThat(display("1000000", "NGN")).isEqualTo("NGN 1,000,000.00");
    }

    @Test
    void grouping_starts_at_the_fourth_digit() {
        assertThat(display("1", "UGX")).isEqualTo("UGX 1");
        assertThat(display("999", "UGX")).isEqualTo("UGX 999");
        assertThat(display("1000", "UGX")).isEqualTo("UGX 1,000");
        assertThat(display("123456789", "UGX")).isEqualTo("UGX 123,456,789");
    }

    @Test
    void a_negative_amount_keeps_its_sign_before_the_digits() {
        assertThat(display("-1500.25", "GHS")).isEqualTo("GHS -1,500.25");
    }
}
