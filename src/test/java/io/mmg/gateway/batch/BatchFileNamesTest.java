package io.mmg.gateway.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmg.gateway.api.ApiException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BatchFileNamesTest {

    private static final UUID BATCH = UUID.fromString("0b0e7c4a-1111-4111-8111-111111111111");

    @Test
    void a_plain_name_is_kept() {
        assertThat(BatchFileNames.checked("payouts 2026-11.csv")).isEqualTo("payouts 2026-11.csv");
        assertThat(BatchFileNames.checked(null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "..", ".", "a/b.csv", "a\\b.csv", "a\u0000b.csv", "x\r\ny.csv", " "})
    void a_name_that_cannot_be_a_file_name_is_refused(String name) {
        assertThatThrownBy(() -> BatchFileNames.checked(name)).isInstanceOf(ApiException.class)
                .hasMessageContaining("fileName");
    }

    @Test
    void a_name_longer_than_255_characters_is_refused() {
        assertThatThrownBy(() -> BatchFileNames.checked("a".repeat(252) + ".csv")).isInstanceOf(ApiException.class);
    }

    @Test
    void the_result_file_is_named_after_the_file_without_csv() {
        assertThat(BatchFileNames.resultBaseName("payouts.CSV", BATCH)).isEqualTo("payouts");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", ".csv", "..", "dir/", "a\u0000"})
    void a_stored_name_with_no_usable_file_name_gives_the_batch_id(String stored) {
        assertThat(BatchFileNames.resultBaseName(stored, BATCH)).isEqualTo(BATCH.toString());
    }

    @Test
    void a_batch_without_a_name_gives_the_batch_id() {
        assertThat(BatchFileNames.resultBaseName(null, BATCH)).isEqualTo(BATCH.toString());
    }
}
