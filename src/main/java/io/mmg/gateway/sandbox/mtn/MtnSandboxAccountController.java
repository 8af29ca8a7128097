package io.mmg.gateway.sandbox.mtn;

import io.mmg.gateway.sandbox.ConditionalOnSandbox;
import io.mmg.gateway.sandbox.mtn.MtnSandboxScenarios.AccountHolder;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Balance and account-holder checks, the same under every product (docs/providers.md#mtn-accounts). */
@RestController
@ConditionalOnSandbox
@RequestMapping(MtnSandboxOperations.BASE_PATH + "/{product:" + MtnProduct.PATTERN + "}/v1_0")
public class MtnSandboxAccountController {

    /**
     * The sandbox's balance scenarios have no documented trigger (docs/providers.md#mtn-accounts), so every product account shows one
     * fixed, comfortable balance rather than tracking the simulated payments.
     */
    static final String AVAILABLE_BALANCE = "1000000";

    /** Id types are lower case in the path (docs/providers.md#mtn-accounts). */
    private static final Set<String> ACCOUNT_HOLDER_ID_TYPES = Set.of("msisdn", "email", "party_code");

    private final MtnSandboxOperations operations;
    private final MtnSandboxAccess access;

    public MtnSandboxAccountController(MtnSandboxOperations operations, MtnSandboxAccess access) {
        this.operations = operations;
        this.access = access;
    }

    @GetMapping({"/account/balance", "/account/balance/{currency}"})
    public ResponseEntity<Object> balance(@PathVariable String product,
                                          @PathVariable(required = false) String currency,
                                          @RequestHeader HttpHeaders headers) {
        MtnProduct path = MtnProduct.fromPath(product);
        return operations.serve("balance", path, null, call -> {
            access.authorise(path, headers);
            if (currency != null && !MtnTransactionRequest.SANDBOX_CURRENCY.equals(currency)) {
                throw MtnSandboxException.of(HttpStatus.INTERNAL_SERVER_ERROR, MtnErrorReason.INVALID_CURRENCY);
            }
            return ResponseEntity.ok(Map.of("availableBalance", AVAILABLE_BALANCE,
                    "currency", MtnTransactionRequest.SANDBOX_CURRENCY));
        });
    }

    /** 200 {@code {"result": true}}, or the account holder scenario's answer (docs/providers.md#mtn-sandbox). */
    @GetMapping("/accountholder/{idType}/{id}/active")
    public ResponseEntity<Object> active(@PathVariable String product, @PathVariable String idType,
                                         @PathVariable String id, @RequestHeader HttpHeaders headers) {
        return serveAccountHolder("accountholder-active", product, idType, id, headers,
                holder -> Map.of("result", holder != AccountHolder.NOT_ACTIVE));
    }

    /** The sandbox always answers "Sand Box" KYC data (docs/providers.md#mtn-accounts, #mtn-sandbox); the error scenarios apply as for /active. */
    @GetMapping("/accountholder/{idType}/{id}/basicuserinfo")
    public ResponseEntity<Object> basicUserInfo(@PathVariable String product, @PathVariable String idType,
                                                @PathVariable String id, @RequestHeader HttpHeaders headers) {
        return serveAccountHolder("accountholder-basicuserinfo", product, idType, id, headers, holder -> {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("given_name", "Sand");
            info.put("family_name", "Box");
            info.put("birthdate", "1976-08-13");
            info.put("locale", "sv_SE");
            info.put("gender", "MALE");
            // UNCONFIRMED: how basicuserinfo shows an inactive holder; the schema's status field carries it.
            info.put("status", holder == AccountHolder.NOT_ACTIVE ? "NOT_ACTIVE" : "ACTIVE");
            return info;
        });
    }

    /** Checks access and the id type, plays the holder's scenario, and answers 200 with the body for it. */
    private ResponseEntity<Object> serveAccountHolder(String operation, String product, String idType, String id,
                                                      HttpHeaders headers, Function<AccountHolder, Object> body) {
        MtnProduct path = MtnProduct.fromPath(product);
        String msisdn = "msisdn".equalsIgnoreCase(idType) ? id : null;
        return operations.serve(operation, path, msisdn,
                call -> ResponseEntity.ok(body.apply(accountHolder(path, idType, id, headers))));
    }

    /** The holder's scenario when it answers 200; an error scenario is thrown as MoMo's error. */
    private AccountHolder accountHolder(MtnProduct product, String idType, String id, HttpHeaders headers) {
        access.authorise(product, headers);
        if (!ACCOUNT_HOLDER_ID_TYPES.contains(idType.toLowerCase(Locale.ROOT))) {
            throw MtnSandboxException.badRequest("accountHolderIdType must be one of " + ACCOUNT_HOLDER_ID_TYPES
                    + ".");
        }
        AccountHolder holder = MtnSandboxScenarios.forAccountHolder(idType, id);
        return switch (holder) {
            case ACTIVE, NOT_ACTIVE -> holder;
            case NOT_FOUND -> throw MtnSandboxException.notFound();
            case NOT_ALLOWED -> throw MtnSandboxException.of(HttpStatus.INTERNAL_SERVER_ERROR,
                    MtnErrorReason.NOT_ALLOWED);
            case NOT_ALLOWED_TARGET_ENVIRONMENT -> throw MtnSandboxException.of(HttpStatus.INTERNAL_SERVER_ERROR,
                    MtnErrorReason.NOT_ALLOWED_TARGET_ENVIRONMENT);
            case INTERNAL_PROCESSING_ERROR -> throw MtnSandboxException.of(HttpStatus.INTERNAL_SERVER_ERROR,
                    MtnErrorReason.INTERNAL_PROCESSING_ERROR);
            case SERVICE_UNAVAILABLE -> throw MtnSandboxException.of(HttpStatus.SERVICE_UNAVAILABLE,
                    MtnErrorReason.SERVICE_UNAVAILABLE);
        };
    }
}
