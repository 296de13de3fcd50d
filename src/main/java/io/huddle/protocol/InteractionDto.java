package io.huddle.protocol;

import io.huddle.domain.Channel;
import io.huddle.domain.Interaction;
import io.huddle.domain.InteractionState;
import java.time.Instant;
import java.util.List;

/**
 * An interaction as one viewer may see it (the agent's copy never lists silent monitors). {@code platformId}
 * is the contact-center platform's id of it, or null when no platform reported it.
 */
public record InteractionDto(String id, Channel channel, InteractionState state, String agentId, String agentName,
                             String customerName, String queue, Instant startedAt, Instant endedAt,
                             boolean helpRequested, List<ParticipantDto> participants, String platformId) {
    public InteractionDto(String id, Channel channel, InteractionState state, String agentId, String agentName,
                          String customerName, String queue, Instant startedAt, Instant endedAt,
                          boolean helpRequested, List<ParticipantDto> participants) {
        this(id, channel, state, agentId, agentName, customerName, queue, startedAt, endedAt, helpRequested,
                participants, null);
    }

    public static InteractionDto of(Interaction i) {
        return new InteractionDto(i.id(), i.channel(), i.state(), i.agentId(), i.agentName(), i.customerName(),
                i.queue(), i.startedAt(), i.endedAt(), i.helpRequested(),
                i.participants().stream().map(ParticipantDto::of).toList(), i.platformId());
    }
}
