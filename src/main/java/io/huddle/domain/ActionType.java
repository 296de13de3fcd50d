package io.huddle.domain;

/** What a supervisor can do on an interaction. */
public enum ActionType {
    MONITOR, COACH, BARGE_IN, DISCONNECT;

    /** The leg mode this action puts the supervisor in, or null for DISCONNECT. */
    public SupervisorMode mode() {
        return switch (this) {
            case MONITOR -> SupervisorMode.MONITOR;
            case COACH -> SupervisorMode.COACH;
            case BARGE_IN -> SupervisorMode.BARGE_IN;
            case DISCONNECT -> null;
        };
    }
}
