package io.huddle.domain;

/**
 * How a supervisor is on an interaction. MONITOR is silent: nobody but supervisors ever sees it.
 * COACH is seen by the agent only; BARGE_IN by the agent and the customer.
 */
public enum SupervisorMode {
    MONITOR(AudioLeg.LISTEN), COACH(AudioLeg.WHISPER), BARGE_IN(AudioLeg.CONFERENCE);

    private final AudioLeg audioLeg;

    SupervisorMode(AudioLeg audioLeg) {
        this.audioLeg = audioLeg;
    }

    /** The voice platform's leg for this mode. */
    public AudioLeg audioLeg() {
        return audioLeg;
    }

    public boolean visibleToAgent() {
        return this != MONITOR;
    }

    public boolean visibleToCustomer() {
        return this == BARGE_IN;
    }

    /** The simulated voice platform's audio legs. */
    public enum AudioLeg { LISTEN, WHISPER, CONFERENCE }
}
