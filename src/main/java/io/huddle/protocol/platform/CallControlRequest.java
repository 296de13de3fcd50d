package io.huddle.protocol.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What the gateway asks of a platform's call-control endpoint (docs/platform.md): put a supervisor's leg in
 * place, change or drop it, or deliver a supervisor's message. {@code requestId} is unique per control and
 * the same on every retry of it, so the platform can de-duplicate. Ids are the platform's own.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallControlRequest(String requestId, Type type, String tenant, String interactionId,
                                 String supervisorId, String agentId, String text, Audience audience) {

    /** The control, as it is named on the wire. */
    public enum Type {
        VIEW("view"), MONITOR("monitor"), COACH("coach"), BARGE_IN("barge_in"), DISCONNECT("disconnect"),
        MESSAGE("message");

        private final String wire;

        Type(String wire) {
            this.wire = wire;
        }

        @JsonValue
        public String wire() {
            return wire;
        }
    }

    /** Who reads a supervisor's message: the agent only (coaching) or everyone (barged in). */
    public enum Audience { AGENT, ALL }
}
