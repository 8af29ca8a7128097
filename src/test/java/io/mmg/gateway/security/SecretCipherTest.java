package io.mmg.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmg.gateway.security.SecretCipher.SecretDecryptionException;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Secrets at rest (README "Secrets at rest"): AES-256-GCM, each value naming the key that encrypted it. */
class SecretCipherTest {

    static final String OLD = "old:" + key(1);
    static final String NEW = "new:" + key(2);
    static final String SECRET = "whsec_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8S9t0U1v";

    private final SecretCipher before = cipher(OLD, "");
    private final SecretCipher afterRotation = cipher(NEW + "," + OLD, "");

    @Test
    void the_stored_value_is_not_the_secret_and_names_its_format_and_key() {
        String stored = before.encrypt(SECRET);

        assertThat(stored).startsWith("v1:old:").doesNotContain(SECRET, SECRET.substring(6));
        assertThat(before.decrypt(stored)).isEqualTo(SECRET);
    }

    @Test
    void the_same_secret_encrypts_differently_each_time() {
        assertThat(before.encrypt(SECRET)).isNotEqualTo(before.encrypt(SECRET));
    }

    @Test
    void after_a_rotation_writes_use_the_new_key_and_the_old_key_still_decrypts() {
        String underOld = before.encrypt(SECRET);

        String underNew = afterRotation.encrypt(SECRET);

        assertThat(underNew).startsWith("v1:new:");
        assertThat(afterRotation.decrypt(underOld)).isEqualTo(SECRET);
        assertThat(afterRotation.needsReEncryption(underOld)).isTrue();
        assertThat(afterRotation.needsReEncryption(underNew)).isFalse();
    }

    @Test
    void the_current_key_can_be_named_instead_of_listed_first() {
        assertThat(cipher(OLD + "," + NEW, "new").encrypt(SECRET)).startsWith("v1:new:");
    }

    @Test
    void a_value_under_a_key_that_is_no_longer_configured_fails_naming_the_key() {
        String underOld = before.encrypt(SECRET);

        assertThatThrownBy(() -> cipher(NEW, "").decrypt(underOld))
                .isInstanceOfSatisfying(SecretDecryptionException.class, e -> assertThat(e.keyId()).isEqualTo("old"))
                .hasMessageContaining("'old'").hasMessageContaining("not in gateway.secrets.keys")
                .message().doesNotContain(SECRET);
    }

    @Test
    void a_wrong_key_under_the_right_id_fails_clearly_instead_of_giving_garbage() {
        String underOld = before.encrypt(SECRET);

        assertThatThrownBy(() -> cipher("old:" + key(9), "").decrypt(underOld))
                .isInstanceOf(SecretDecryptionException.class)
                .hasMessageContaining("not the key that encrypted it");
    }

    @Test
    void a_changed_value_fails_its_integrity_check() {
        String stored = before.encrypt(SECRET);
        byte[] bytes = Base64.getDecoder().decode(stored.substring("v1:old:".length()));
        bytes[bytes.length / 2] ^= 1;

        assertThatThrownBy(() -> before.decrypt("v1:old:" + Base64.getEncoder().encodeToString(bytes)))
                .isInstanceOf(SecretDecryptionException.class);
    }

    @Test
    void a_secret_stored_in_clear_before_encryption_is_read_as_is_and_needs_re_encryption() {
        assertThat(before.decrypt(SECRET)).isEqualTo(SECRET);
        assertThat(before.needsReEncryption(SECRET)).isTrue();
        assertThat(before.needsReEncryption(null)).isFalse();
    }

    @Test
    void the_sandbox_without_a_key_uses_its_built_in_one_which_still_decrypts_once_real_keys_are_set() {
        SecretCipher sandbox = new SecretCipher("", "", true);
        String stored = sandbox.encrypt(SECRET);

        SecretCipher production = new SecretCipher(NEW, "", false);

        assertThat(stored).startsWith("v1:sandbox:");
        assertThat(production.decrypt(stored)).isEqualTo(SECRET);
        assertThat(production.encrypt(SECRET)).startsWith("v1:new:");
    }

    @Test
    void outside_the_sandbox_no_key_is_a_refusal_to_start_saying_how_to_make_one() {
        assertThatThrownBy(() -> new SecretCipher("", "", false))
                .isInstanceOfSatisfying(UnsafeConfigurationException.class,
                        e -> assertThat(e.fix()).contains("GATEWAY_SECRETS_KEYS", "openssl rand -base64 32"));
    }

    @Test
    void malformed_keys_are_refused_without_echoing_them() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> cipher("k1:" + shortKey, "")).hasMessageContaining("16 bytes").hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> cipher("k1:not base64!", "")).hasMessageContaining("not valid Base64");
        assertThatThrownBy(() -> cipher(key(1), "")).hasMessageContaining("<id>:<key>");
        assertThatThrownBy(() -> cipher(OLD + ",old:" + key(3), "")).hasMessageContaining("twice");
        assertThatThrownBy(() -> cipher("sandbox:" + key(3), "")).hasMessageContaining("reserved");
        assertThatThrownBy(() -> cipher(OLD, "other")).hasMessageContaining("'other'");
    }

    private static SecretCipher cipher(String keys, String current) {
        return new SecretCipher(keys, current, false);
    }

    /** 32 bytes of one value, Base64: a valid AES-256 key. */
    static String key(int fill) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) fill);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
