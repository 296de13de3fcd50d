package io.huddle.gateway.floor;

import io.huddle.domain.Interaction;
import io.huddle.domain.InteractionState;
import io.huddle.domain.TranscriptLine;
import java.util.List;

/**
 * The floor's platform side: what happens on the contact center's floor. In the product only the Platform
 * API's inbound side calls it (ArchitectureTest holds it): a platform's events arrive as one batch
 * ({@link #applyPlatformFacts}). Tests and benchmarks drive the floor through the single changes directly.
 */
public final class PlatformSide {
    private final Floors floors;

    public PlatformSide(Floors floors) {
        this.floors = floors;
    }

    /**
     * Applies a batch of the platform's events, in order, exactly once each (docs/platform.md): one write for
     * the whole batch, then the floor changes and is published.
     */
    public PlatformFact.Outcome applyPlatformFacts(String tenant, List<PlatformFact> facts) {
        return floors.changing(tenant, f -> new PlatformBatch(floors, f).apply(facts));
    }

    /** A new interaction arrives at an agent. */
    public Interaction startInteraction(Interaction interaction) {
        return floors.changing(interaction.tenant(), f -> {
            floors.store().saveInteraction(interaction);
            f.putInteraction(interaction);
            floors.publish(new FloorEvent.InteractionChanged(f.tenant, null, interaction));
            return interaction;
        });
    }

    public Interaction changeState(String tenant, String interactionId, InteractionState state) {
        if (state == InteractionState.ENDED) {
            return endInteraction(tenant, interactionId);
        }
        return floors.changing(tenant, f -> {
            Interaction before = FloorLookup.live(f, interactionId);
            Interaction after = before.withState(state, floors.now());
            floors.store().saveInteractionState(after); // platform churn: not fsynced per change (docs/benchmarks.md)
            f.putInteraction(after);
            floors.publish(new FloorEvent.InteractionChanged(f.tenant, before, after));
            return after;
        });
    }

    /** The customer or the agent said something (chat text, or voice transcription). */
    public TranscriptLine appendTranscript(String tenant, String interactionId, TranscriptLine.Speaker from,
                                           String text) {
        return floors.changing(tenant, f -> {
            Interaction i = FloorLookup.live(f, interactionId);
            return floors.appendLine(f, i, from, author(i, from), text, TranscriptLine.Audience.ALL);
        });
    }

    /** The interaction ends: open help requests end with it and every supervisor leg is closed. */
    public Interaction endInteraction(String tenant, String interactionId) {
        return floors.changing(tenant, f -> {
            InteractionEnd end = InteractionEnd.of(f, FloorLookup.live(f, interactionId), floors.now());
            floors.store().saveAll(end.endedRequest() == null ? List.of() : List.of(end.endedRequest()),
                    end.closedActions(), List.of(end.ended()));
            end.apply(floors, f);
            return end.ended();
        });
    }

    /** Who said a line the platform reported: the agent or the customer, by the name the interaction has. */
    static String author(Interaction i, TranscriptLine.Speaker from) {
        return from == TranscriptLine.Speaker.AGENT ? i.agentName() : i.customerName();
    }

    /** The live interactions of a tenant, unfiltered: the platform's view of its floor. */
    public List<Interaction> liveInteractions(String tenant) {
        return floors.locked(tenant, f -> List.copyOf(f.live.values()));
    }
}
