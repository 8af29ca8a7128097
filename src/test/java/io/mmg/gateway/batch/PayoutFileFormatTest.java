package io.mmg.gateway.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmg.gateway.api.CsvLines;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayoutFileFormatTest {

    @Test
    void columns_may_come_in_any_order_and_case_with_a_byte_order_mark() {
        PayoutFileFormat format = PayoutFileFormat.fromHeader(List.of("\uFEFFAmount", "PHONE_NUMBER", " external_id ", "narration"));
        PayoutRow row = format.row(1, List.of("1500", "256772123456", "SAL-1", ""));

        assertThat(row).isEqualTo(new PayoutRow(1, "SAL-1", "256772123456", "1500", null, null, null));
    }

    @Test
    void a_missing_required_column_or_an_unknown_one_is_refused() {
        assertThatThrownBy(() -> PayoutFileFormat.fromHeader(List.of("external_id", "amount")))
                .hasMessageContaining("phone_number");
        assertThatThrownBy(() -> PayoutFileFormat.fromHeader(List.of("external_id", "phone_number", "amount", "iban")))
                .hasMessageContaining("iban");
        assertThatThrownBy(() -> PayoutFileFormat.fromHeader(null)).hasMessageContaining("empty");
    }

    @Test
    void result_fields_are_quoted_and_never_run_as_spreadsheet_formulas() {
        assertThat(CsvLines.escape("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvLines.escape("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
        assertThat(CsvLines.escape("-25")).isEqualTo("-25");
        assertThat(CsvLines.escape(null)).isEmpty();
    }
}
