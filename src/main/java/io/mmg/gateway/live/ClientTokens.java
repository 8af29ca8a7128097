package io.mmg.gateway.live;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.ErrorCode;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Client tokens: a JWT (HS256, kid of the signing key) that lets a browser read the live status of one payment and
 * nothing else (docs/live-status.md). Claims: sub = the payment id, merchant = its client id, scope
 * {@value #SCOPE}, aud {@value #AUDIENCE}, iat/exp, and shape when the messages take an adapter's shape. Never logged.
 */
@Component
public class ClientTokens {

    static final String SCOPE = "payment:read";
    static final String AUDIENCE = "mmg-live-status";
    private static final String ISSUER = "mmg-gateway";

    private final ClientTokenKeys keys;
    private final LiveSettings settings;
    private final Clock clock;

    @Autowired
    public ClientTokens(LiveSettings settings, @Value("${gateway.sandbox.enabled:true}") boolean sandbox) {
        this(ClientTokenKeys.parse(settings.signingKeys(), settings.currentKey(), sandbox), settings, Clock.systemUTC());
    }

    ClientTokens(ClientTokenKeys keys, LiveSettings settings, Clock clock) {
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * What a valid token allows: reading this payment of this merchant, in this message shape (null = the gateway's
     * own; {@value PaymentUpdate#MPESA_CHECKOUT} = the M-Pesa checkout API adapter's).
     */
    public record Grant(UUID paymentId, UUID merchantId, String shape) {

        public Grant(UUID paymentId, UUID merchantId) {
            this(paymentId, merchantId, null);
        }
    }

    public record Issued(String token, Instant expiresAt) {
    }

    public Issued issue(UUID paymentId, UUID merchantId) {
        return issue(paymentId, merchantId, null);
    }

    public Issued issue(UUID paymentId, UUID merchantId, String shape) {
        if (!keys.canSign()) {
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "Live status is not configured on this gateway "
                    + "(no gateway.live.signing-keys)", Map.of());
        }
        Instant now = clock.instant();
        Instant expires = now.plus(settings.tokenTtl());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(paymentId.toString())
                .claim("merchant", merchantId.toString())
                .claim("scope", SCOPE)
                .claim("shape", shape)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(keys.currentKeyId()).build(),
                claims);
        try {
            jwt.sign(new MACSigner(keys.key(keys.currentKeyId()).orElseThrow()));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a client token", e);
        }
        return new Issued(jwt.serialize(), expires);
    }

    /**
     * The grant of a valid token for this payment (the id in the path): a token that is not valid (malformed,
     * unknown or retired key, bad signature, expired) is 401, a valid one for another payment 403.
     */
    public Grant verify(String token, String paymentId) {
        Grant grant = verify(token);
        if (!grant.paymentId().toString().equalsIgnoreCase(String.valueOf(paymentId))) {
            throw new ApiException(ErrorCode.FORBIDDEN, "This client token is for another payment",
                    Map.of("paymentId", String.valueOf(paymentId)));
        }
        return grant;
    }

    /** The grant of a valid token; anything else (malformed, unknown or retired key, bad signature, expired) is 401. */
    public Grant verify(String token) {
        if (token == null || token.isBlank()) {
            throw refused("A client token is required (?token=, Sec-WebSocket-Protocol or Authorization: Bearer)");
        }
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token.trim());
        } catch (ParseException e) {
            throw refused("The client token is not a signed JWT");
        }
        if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
            throw refused("The client token is not signed with HS256");
        }
        byte[] key = keys.key(jwt.getHeader().getKeyID())
                .orElseThrow(() -> refused("The client token's signing key is unknown or retired"));
        try {
            if (!jwt.verify(new MACVerifier(key))) {
                throw refused("The client token's signature is invalid");
            }
            return grant(jwt.getJWTClaimsSet());
        } catch (JOSEException | ParseException e) {
            throw refused("The client token's signature is invalid");
        }
    }

    private Grant grant(JWTClaimsSet claims) {
        Date expires = claims.getExpirationTime();
        if (expires == null || !expires.toInstant().isAfter(clock.instant())) {
            throw refused("The client token has expired; ask the merchant's server for a new one");
        }
        List<String> audience = claims.getAudience();
        if (!SCOPE.equals(claims.getClaim("scope")) || audience == null || !audience.contains(AUDIENCE)) {
            throw refused("The client token does not grant reading payment updates");
        }
        try {
            Object shape = claims.getClaim("shape");
            return new Grant(UUID.fromString(claims.getSubject()),
                    UUID.fromString(String.valueOf(claims.getClaim("merchant"))),
                    PaymentUpdate.MPESA_CHECKOUT.equals(shape) ? PaymentUpdate.MPESA_CHECKOUT : null);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw refused("The client token names no payment");
        }
    }

    private static ApiException refused(String message) {
        return new ApiException(ErrorCode.UNAUTHORIZED, message, Map.of());
    }
}
