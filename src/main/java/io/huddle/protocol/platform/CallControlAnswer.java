package io.huddle.protocol.platform;

import java.util.Map;

/**
 * A platform's 2xx answer to a control. Only a {@code view} needs a body: the platform may say which of
 * {@code monitor}, {@code coach} and {@code bargeIn} it cannot offer on this interaction now, and why.
 * An empty body or no {@code capabilities} leaves the controls as the gateway's policy has them.
 */
public record CallControlAnswer(Map<String, Capability> capabilities) {
    public static final CallControlAnswer NONE = new CallControlAnswer(Map.of());

    public CallControlAnswer {
        capabilities = capabilities == null ? Map.of() : Map.copyOf(capabilities);
    }

    /** One control as the platform offers it. */
    public record Capability(boolean enabled, String reason) {
    }
}
