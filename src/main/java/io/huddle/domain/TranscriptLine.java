package io.huddle.domain;

import java.time.Instant;

/**
 * One line of an interaction's live transcript (chat and messaging text, or the simulated voice
 * transcription). A coach whisper has audience AGENT and never reaches the customer.
 */
public record TranscriptLine(String id, String interactionId, Instant at, Speaker from, String authorName,
                             String text, Audience audience) {
    /** Who said it. */
    public enum Speaker { CUSTOMER, AGENT, SUPERVISOR, SYSTEM }

    /** Who may read it besides supervisors on the interaction. */
    public enum Audience { ALL, AGENT }

    public static final int MAX_TEXT = 2000;
}
