package io.mmg.gateway.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts secrets the gateway must be able to read again (a merchant's webhook signing secret: signing needs it,
 * a hash would not do) with AES-256-GCM from the JDK. A stored value names its format and key:
 * {@code v1:<key id>:<Base64 of IV (12 bytes) | ciphertext | tag (16 bytes)>}, so after a key rotation each value
 * is still read with the key that wrote it, while new values use the current key (README "Secrets at rest").
 * GCM's tag makes a wrong key or a changed value fail loudly instead of yielding garbage.
 */
@Component
public class SecretCipher {

    static final String VERSION = "v1";
    private static final Pattern ENCRYPTED = Pattern.compile("(v\\d+):([^:]+):(.*)", Pattern.DOTALL);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EncryptionKeys keys;

    @Autowired
    public SecretCipher(@Value("${gateway.secrets.keys:}") String keys,
                        @Value("${gateway.secrets.current-key:}") String currentKey,
                        @Value("${gateway.sandbox.enabled:true}") boolean sandbox) {
        this(EncryptionKeys.parse(keys, currentKey, sandbox));
    }

    public SecretCipher(EncryptionKeys keys) {
        this.keys = keys;
    }

    public String currentKeyId() {
        return keys.currentKeyId();
    }

    /** The value to store: encrypted under the current key, with a fresh IV. */
    public String encrypt(String secret) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.current(), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return VERSION + ":" + keys.currentKeyId() + ":" + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is always available", e);
        }
    }

    /**
     * The secret of a stored value, with the key the value names. A value without the {@code v1:} form is one
     * stored in clear before encryption came (start-up encrypts those, SecretsAtRest) and is returned as is.
     *
     * @throws SecretDecryptionException when the key is not configured or is not the one that encrypted the value
     */
    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        Matcher encrypted = ENCRYPTED.matcher(stored);
        if (!encrypted.matches()) {
            return stored;
        }
        String keyId = encrypted.group(2);
        if (!VERSION.equals(encrypted.group(1))) {
            throw new SecretDecryptionException(keyId, "is in the format " + encrypted.group(1)
                    + ", written by a newer gateway");
        }
        SecretKey key = keys.keys().get(keyId);
        if (key == null) {
            throw new SecretDecryptionException(keyId, "is encrypted under the key '" + keyId
                    + "', which is not in gateway.secrets.keys");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(encrypted.group(3));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException | IllegalArgumentException e) {
            throw new SecretDecryptionException(keyId, "does not decrypt with the key '" + keyId
                    + "' configured in gateway.secrets.keys: that is not the key that encrypted it (or the value was changed)");
        } catch (GeneralSecurityException e) {
            throw new SecretDecryptionException(keyId, "cannot be decrypted (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** A stored value in clear, or under a key other than the current one: start-up re-encrypts it. */
    public boolean needsReEncryption(String stored) {
        if (stored == null) {
            return false;
        }
        Matcher encrypted = ENCRYPTED.matcher(stored);
        return !encrypted.matches() || !VERSION.equals(encrypted.group(1))
                || !keys.currentKeyId().equals(encrypted.group(2));
    }

    @Override
    public String toString() {
        return "SecretCipher[" + keys + "]";
    }

    /** A stored secret that cannot be read: the message names the key, never the value. */
    public static class SecretDecryptionException extends RuntimeException {

        private final String keyId;

        SecretDecryptionException(String keyId, String problem) {
            super("A stored secret " + problem);
            this.keyId = keyId;
        }

        public String keyId() {
            return keyId;
        }
    }
}
