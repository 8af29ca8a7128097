package io.mmg.gateway.sandbox.mpesa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmg.gateway.sandbox.ConditionalOnSandbox;
import io.mmg.gateway.sandbox.SandboxCallback;
import io.mmg.gateway.sandbox.SandboxCallbackSender;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/** Posts Daraja's asynchronous bodies (STK callbacks, Results, QueueTimeOut notices) once, as JSON. */
@Component
@ConditionalOnSandbox
public class MpesaSandboxCallbacks {

    private final SandboxCallbackSender sender;
    private final ObjectMapper json;

    public MpesaSandboxCallbacks(SandboxCallbackSender sender, ObjectMapper json) {
        this.sender = sender;
        this.json = json;
    }

    /** {@code body} is built when it is sent, so it shows the state of that moment. */
    void post(URI url, Supplier<Object> body, Duration delay, String description) {
        sender.send(new SandboxCallback(url, "POST", () -> write(body.get()), delay, description));
    }

    String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a callback body", e);
        }
    }
}
