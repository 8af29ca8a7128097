package io.mmg.gateway.sandbox.mpesa;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mmg.gateway.sandbox.ConditionalOnSandbox;
import io.mmg.gateway.sandbox.SandboxControl;
import io.mmg.gateway.sandbox.SandboxFault;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The sandbox's customer at the other end of an STK push, for test tools such as the M-Pesa checkout API's test endpoints: a
 * push whose PIN prompt waits for the tool (its callback held, like a customer who has not answered yet), and the
 * answer the tool then gives, posted as the STK callback through the control API (docs/sandbox.md). The gateway
 * hears about it only as it hears from Daraja.
 */
@Component
@ConditionalOnSandbox
public class MpesaSandboxCustomer {

    private final SandboxControl control;
    private final MpesaSandboxInspectionController transactions;
    private final ObjectMapper json;

    public MpesaSandboxCustomer(List<SandboxControl> controls, MpesaSandboxInspectionController transactions,
                                ObjectMapper json) {
        this.control = controls.stream().filter(one -> MpesaSandboxConfiguration.SIMULATOR.equals(one.simulator()))
                .findFirst().orElseThrow();
        this.transactions = transactions;
        this.json = json;
    }

    /** The next STK push to this number is processed, but its callback waits for {@link #answer}. */
    public void holdNextAnswer(String msisdn) {
        control.add(new SandboxFault("stkpush", msisdn, 1, null, 0L, false, true));
    }

    /**
     * Posts the push's STK callback now with this ResultCode (0 = paid) and Daraja's description of it.
     * Answers the HTTP status the gateway's callback listener gave, or 404 when the sandbox has no such push.
     */
    public int answer(String checkoutRequestId, String resultCode) throws IOException, InterruptedException {
        ObjectNode overrides = json.createObjectNode();
        overrides.put("ResultCode", Integer.parseInt(resultCode));
        overrides.put("ResultDesc", MpesaResultCodes.stk(resultCode));
        ResponseEntity<Object> sent = transactions.resendCallback(checkoutRequestId, overrides);
        if (!sent.getStatusCode().is2xxSuccessful() || !(sent.getBody() instanceof Map<?, ?> listener)) {
            return sent.getStatusCode().value();
        }
        return ((Number) listener.get("status")).intValue();
    }
}
