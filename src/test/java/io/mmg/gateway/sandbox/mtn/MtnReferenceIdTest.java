package io.mmg.gateway.sandbox.mtn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MtnReferenceIdTest {

    @Test
    void a_random_uuid_is_a_version_4_reference() {
        String reference = UUID.randomUUID().toString();

        assertThat(MtnReferenceId.isUuidV4(reference)).isTrue();
        assertThat(MtnReferenceId.isUuidV4(reference.toUpperCase())).isTrue();
        assertThat(MtnReferenceId.requireNew(reference.toUpperCase())).isEqualTo(reference);
    }

    @ParameterizedTest(name = "{0} is not a version 4 UUID")
    @ValueSource(strings = {
            "c9a5f0e2-a9b4-11ee-8c90-0242ac120002",  // version 1
            "0b6c1f1e-8d4f-5a6b-9c1d-2e3f4a5b6c7d",  // version 5
            "0b6c1f1e-8d4f-4a6b-7c1d-2e3f4a5b6c7d",  // wrong variant
            "0b6c1f1e8d4f4a6b9c1d2e3f4a5b6c7d",      // no dashes
            "incorrect_referenceId",
            ""})
    void other_values_are_refused(String reference) {
        assertThat(MtnReferenceId.isUuidV4(reference)).isFalse();
        assertThatThrownBy(() -> MtnReferenceId.requireNew(reference)).isInstanceOf(MtnSandboxException.class);
    }

    @Test
    void a_status_lookup_takes_any_uuid_but_nothing_else() {
        assertThat(MtnReferenceId.isUuid("c9a5f0e2-a9b4-11ee-8c90-0242ac120002")).isTrue();
        assertThat(MtnReferenceId.isUuid("incorrect_referenceId")).isFalse();
        assertThat(MtnReferenceId.isUuidV4(null)).isFalse();
    }
}
