package io.mmg.gateway.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void plain_rows_with_lf_or_crlf_line_ends() {
        assertThat(read("a,b,c\n1,2,3\r\n4,5,6")).containsExactly(List.of("a", "b", "c"), List.of("1", "2", "3"),
                List.of("4", "5", "6"));
    }

    @Test
    void quoted_fields_keep_commas_quotes_and_line_breaks() {
        assertThat(read("id,narration\n1,\"Salary, November\"\n2,\"He said \"\"hi\"\"\"\n3,\"two\nlines\"\n"))
                .containsExactly(List.of("id", "narration"), List.of("1", "Salary, November"),
                        List.of("2", "He said \"hi\""), List.of("3", "two\nlines"));
    }

    @Test
    void empty_fields_and_blank_lines() {
        assertThat(read("a,,c\n\n,,\n")).containsExactly(List.of("a", "", "c"), List.of("", "", ""));
    }

    @Test
    void an_unclosed_quote_is_a_format_error() {
        assertThatThrownBy(() -> read("a\n\"never closed")).isInstanceOf(CsvFormatException.class);
    }

    @Test
    void text_after_a_closing_quote_is_a_format_error_naming_the_line_not_a_silently_joined_value() {
        assertThatThrownBy(() -> read("id,narration\n1,ok\n2,\"ab\"cd\n"))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("line: 3");
    }

    @Test
    void an_unclosed_quote_names_the_line_it_opened_on() {
        assertThatThrownBy(() -> read("a\nb\n\"never\nclosed")).hasMessageContaining("startline 3");
    }

    @Test
    void a_control_character_means_a_binary_or_utf16_file() {
        assertThatThrownBy(() -> read("a,b\n1,\u00002\n")).isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("0x00");
    }

    @Test
    void tabs_stay_field_content() {
        assertThat(read("a\tb,c\n")).containsExactly(List.of("a\tb", "c"));
    }

    private static List<List<String>> read(String text) {
        CsvReader reader = new CsvReader(new StringReader(text));
        List<List<String>> records = new ArrayList<>();
        for (List<String> record = reader.next(); record != null; record = reader.next()) {
            records.add(record);
        }
        return records;
    }
}
