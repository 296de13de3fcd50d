package io.huddle.protocol;

import io.huddle.domain.Participant;
import io.huddle.domain.SupervisorMode;
import java.time.Instant;

/** Someone on an interaction; mode and audio only for supervisors. */
public record ParticipantDto(String id, String name, Participant.Kind kind, SupervisorMode mode,
                             SupervisorMode.AudioLeg audio, Instant since) {
    public static ParticipantDto of(Participant p) {
        return new ParticipantDto(p.id(), p.name(), p.kind(), p.mode(), p.audio(),
                p.since());
    }
}
