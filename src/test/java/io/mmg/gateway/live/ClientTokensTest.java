package io.mmg.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.security.UnsafeConfigurationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClientTokensTest {

    private static final String K1 = "k1:" + Base64.getEncoder().encodeToString("first-key-of-32-bytes-at-least!!".getBytes());
    private static final String K2 = "k2:" + Base64.getEncoder().encodeToString("second-key-of-32-bytes-at-least!".getBytes());
    private static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");
    private static final UUID PAYMENT = UUID.randomUUID();
    private static final UUID MERCHANT = UUID.randomUUID();

    @Test
    void a_token_grants_reading_its_payment_until_it_expires() {
        ClientTokens.Issued issued = tokens(K1, "", NOW).issue(PAYMENT, MERCHANT);

        assertThat(issued.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
        ClientTokens.Grant grant = tokens(K1, "", NOW.plusSeconds(599)).verify(issued.token(), PAYMENT.toString());
        assertThat(grant).isEqualTo(new ClientTokens.Grant(PAYMENT, MERCHANT));
        assertRefused(() -> tokens(K1, "", NOW.plusSeconds(600)).verify(issued.token()), "UNAUTHORIZED", "expired");
    }

    @Test
    void a_token_for_another_payment_is_forbidden() {
        String token = tokens(K1, "", NOW).issue(PAYMENT, MERCHANT).token();

        assertRefused(() -> tokens(K1, "", NOW).verify(token, UUID.randomUUID().toString()), "FORBIDDEN",
                "another payment");
    }

    @Test
    void a_tampered_token_is_refused() throws Exception {
        String token = tokens(K1, "", NOW).issue(PAYMENT, MERCHANT).token();
        String[] parts = token.split("\\.");
        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
        String otherPayment = Base64.getUrlEncoder().withoutPadding().encodeToString(new JWTClaimsSet.Builder(claims)
                .subject(UUID.randomUUID().toString()).build().toString().getBytes());
        String flippedSignature = parts[2].substring(0, 10) + (parts[2].charAt(10) == 'A' ? 'B' : 'A')
                + parts[2].substring(11);

        assertRefused(() -> tokens(K1, "", NOW).verify(parts[0] + "." + otherPayment + "." + parts[2]),
                "UNAUTHORIZED", "signature");
        assertRefused(() -> tokens(K1, "", NOW).verify(parts[0] + "." + parts[1] + "." + flippedSignature),
                "UNAUTHORIZED", "signature");
        assertRefused(() -> tokens(K1, "", NOW).verify(parts[0] + "." + parts[1] + "."), "UNAUTHORIZED", "");
        assertRefused(() -> tokens(K1, "", NOW).verify("not a token"), "UNAUTHORIZED", "not a signed JWT");
    }

    @Test
    void after_rotation_the_previous_key_still_verifies_until_it_is_retired() {
        String signedWithK1 = tokens(K1, "", NOW).issue(PAYMENT, MERCHANT).token();

        ClientTokens rotated = tokens(K2 + "," + K1, "k2", NOW);
        String signedWithK2 = rotated.issue(PAYMENT, MERCHANT).token();
        assertThat(rotated.verify(signedWithK1).paymentId()).isEqualTo(PAYMENT);
        assertThat(header(signedWithK2).getKeyID()).isEqualTo("k2");

        ClientTokens retired = tokens(K2, "", NOW);
        assertThat(retired.verify(signedWithK2).paymentId()).isEqualTo(PAYMENT);
        assertRefused(() -> retired.verify(signedWithK1), "UNAUTHORIZED", "unknown or retired");
    }

    @Test
    void a_token_signed_with_a_key_the_gateway_does_not_have_or_for_another_use_is_refused() throws Exception {
        byte[] foreign = "a-key-someone-else-made-up-here!".getBytes();
        SignedJWT claimingK1 = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(),
                claims("payment:read").build());
        claimingK1.sign(new MACSigner(foreign));
        SignedJWT otherScope = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(),
                claims("payment:write").build());
        otherScope.sign(new MACSigner(Base64.getDecoder().decode(K1.substring(3))));

        assertRefused(() -> tokens(K1, "", NOW).verify(claimingK1.serialize()), "UNAUTHORIZED", "signature");
        assertRefused(() -> tokens(K1, "", NOW).verify(otherScope.serialize()), "UNAUTHORIZED", "does not grant");
    }

    @Test
    void the_sandbox_has_a_built_in_key_and_without_the_sandbox_no_token_is_issued_without_a_configured_key() {
        ClientTokenKeys sandbox = ClientTokenKeys.parse("", "", true);
        assertThat(sandbox.currentKeyId()).isEqualTo("sandbox");
        assertThat(sandbox.toString()).doesNotContain("mmg-sandbox");

        ClientTokens production = new ClientTokens(ClientTokenKeys.parse("", "", false), settings(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertRefused(() -> production.issue(PAYMENT, MERCHANT), "SERVICE_UNAVAILABLE", "not configured");
        String sandboxToken = tokens("", "", NOW).issue(PAYMENT, MERCHANT).token();
        assertRefused(() -> production.verify(sandboxToken), "UNAUTHORIZED", "unknown or retired");
    }

    @Test
    void malformed_keys_refuse_to_start() {
        assertThatThrownBy(() -> ClientTokenKeys.parse("k1:c2hvcnQ=", "", true))
                .isInstanceOf(UnsafeConfigurationException.class).hasMessageContaining("at least 32");
        assertThatThrownBy(() -> ClientTokenKeys.parse("no-colon", "", true))
                .isInstanceOf(UnsafeConfigurationException.class);
        assertThatThrownBy(() -> ClientTokenKeys.parse(K1, "k9", true))
                .isInstanceOf(UnsafeConfigurationException.class).hasMessageContaining("k9");
    }

    private static JWTClaimsSet.Builder claims(String scope) {
        return new JWTClaimsSet.Builder().subject(PAYMENT.toString()).audience(ClientTokens.AUDIENCE)
                .claim("merchant", MERCHANT.toString()).claim("scope", scope)
                .expirationTime(Date.from(NOW.plusSeconds(60)));
    }

    private static JWSHeader header(String token) {
        try {
            return SignedJWT.parse(token).getHeader();
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }

    private static ClientTokens tokens(String keys, String current, Instant now) {
        return new ClientTokens(ClientTokenKeys.parse(keys, current, true), settings(), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static LiveSettings settings() {
        return new LiveSettings(null, null, null, 0, 0, null, null, 0, 0, null);
    }

    private static void assertRefused(Runnable call, String code, String message) {
        assertThatThrownBy(call::run).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).code().name()).isEqualTo(code))
                .hasMessageContaining(message);
    }
}
