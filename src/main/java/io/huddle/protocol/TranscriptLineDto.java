package io.huddle.protocol;

import io.huddle.domain.TranscriptLine;
import java.time.Instant;

/** One transcript line. */
public record TranscriptLineDto(String id, String interactionId, Instant at, TranscriptLine.Speaker from,
                                String authorName, String text, TranscriptLine.Audience audience) {
    public static TranscriptLineDto of(TranscriptLine l) {
        return new TranscriptLineDto(l.id(), l.interactionId(), l.at(), l.from(), l.authorName(), l.text(),
                l.audience());
    }
}
