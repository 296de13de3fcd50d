package io.huddle.journal;

/** The supervisor actions the console journals. */
public enum JournalAction {
    SIGN_IN, SIGN_OUT, VIEW, ACCEPT, MONITOR, COACH, BARGE_IN, DISCONNECT,
    /** A message sent while coaching: a whisper to the agent. */
    COACH_MESSAGE,
    /** A message sent while barged in: to the agent and the customer. */
    BARGE_MESSAGE,
    /** A message sent while the console did not know the supervisor's mode (the gateway decides). */
    MESSAGE
}
