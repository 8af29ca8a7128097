package io.mmg.gateway.sandbox.mtn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MtnSandboxTokensTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MtnSandboxTokens tokens = new MtnSandboxTokens();

    private static JsonNode decode(String part) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(part));
    }

    @Test
    void a_token_looks_like_mtns_jwt() throws Exception {
        UUID session = UUID.randomUUID();

        String token = MtnSandboxTokens.jwtLike("api-user-1", LocalDateTime.of(2020, 11, 15, 11, 33, 11, 151_000_000),
                session);

        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        assertThat(token).doesNotContain("=", "+", "/");
        assertThat(decode(parts[0]).toString()).isEqualTo("{\"typ\":\"JWT\",\"alg\":\"R256\"}");
        JsonNode payload = decode(parts[1]);
        assertThat(payload.get("clientId").asText()).isEqualTo("api-user-1");
        assertThat(payload.get("expires").asText()).isEqualTo("2020-11-15T11:33:11.151");
        assertThat(payload.get("sessionId").asText()).isEqualTo(session.toString());
        assertThat(Base64.getUrlDecoder().decode(parts[2])).hasSize(256);
    }

    @Test
    void an_issued_token_answers_like_mtns_token_endpoint() {
        MtnSandboxTokens.TokenResponse response = tokens.issue("user", MtnProduct.COLLECTION,
                Duration.ofSeconds(3600), Instant.now());

        assertThat(response.tokenType()).isEqualTo("access_token");
        assertThat(response.expiresIn()).isEqualTo(3600);
    }

    @Test
    void a_token_is_valid_for_its_product_until_it_expires() {
        Instant issuedAt = Instant.parse("2025-01-01T10:00:00Z");
        String token = tokens.issue("user", MtnProduct.COLLECTION, Duration.ofSeconds(60), issuedAt).accessToken();

        assertThat(tokens.validate(token, MtnProduct.COLLECTION, issuedAt.plusSeconds(59))).isPresent();
        assertThat(tokens.validate(token, MtnProduct.COLLECTION, issuedAt.plusSeconds(60))).isEmpty();
        assertThat(tokens.validate(token, MtnProduct.DISBURSEMENT, issuedAt)).isEmpty();
        assertThat(tokens.validate("not-a-token", MtnProduct.COLLECTION, issuedAt)).isEmpty();
    }
}
