package io.huddle.gateway.floor;

import io.huddle.domain.Channel;
import io.huddle.domain.InteractionState;
import io.huddle.domain.TranscriptLine;
import io.huddle.domain.User;
import java.time.Instant;

/**
 * One platform event as the floor applies it: the platform's event and interaction ids, with the people
 * it names already found among the tenant's users. Made by the Platform API's inbound side only.
 */
public sealed interface PlatformFact {
    String eventId();

    Instant at();

    String platformInteractionId();

    record Started(String eventId, Instant at, String platformInteractionId, Channel channel, User agent,
                   String customerName, String queue) implements PlatformFact {
    }

    record StateChanged(String eventId, Instant at, String platformInteractionId, InteractionState state)
            implements PlatformFact {
    }

    record Line(String eventId, Instant at, String platformInteractionId, TranscriptLine.Speaker speaker, String text)
            implements PlatformFact {
    }

    record Ended(String eventId, Instant at, String platformInteractionId) implements PlatformFact {
    }

    /** {@code supervisor} is null when no user of the tenant has the platform's supervisor id. */
    record LegEnded(String eventId, Instant at, String platformInteractionId, User supervisor, String reason)
            implements PlatformFact {
    }

    /** What a batch did: events applied, seen before, or about no live interaction (or changing nothing). */
    record Outcome(int applied, int duplicates, int ignored) {
    }
}
