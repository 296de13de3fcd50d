package io.huddle.domain;

/**
 * Someone on an interaction. Customers and agents have no mode; supervisors have the mode of their leg.
 * For voice, {@code audio} is the simulated platform's audio leg; null on chat and messaging.
 */
public record Participant(String id, String name, Kind kind, SupervisorMode mode, SupervisorMode.AudioLeg audio,
                          java.time.Instant since) {
    /** Who a participant is. */
    public enum Kind { CUSTOMER, AGENT, SUPERVISOR }

    public boolean isSupervisor() {
        return kind == Kind.SUPERVISOR;
    }
}
