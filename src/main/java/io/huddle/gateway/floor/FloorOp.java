package io.huddle.gateway.floor;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.huddle.domain.HelpRequest;
import io.huddle.domain.Interaction;
import io.huddle.domain.SupervisorAction;
import io.huddle.domain.TenantSettings;
import io.huddle.domain.TranscriptLine;
import java.time.Instant;

/**
 * One step of a floor change as the floor log records it (docs/deployment.md, "Several instances"): what the
 * change did to the tenant's live floor, and each event it published, in order. Another instance that replays
 * the steps has the same floor and tells its own streams the same events.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "op")
@JsonSubTypes({
        @JsonSubTypes.Type(value = FloorOp.PutInteraction.class, name = "interaction"),
        @JsonSubTypes.Type(value = FloorOp.DropInteraction.class, name = "interaction.ended"),
        @JsonSubTypes.Type(value = FloorOp.PutRequest.class, name = "request"),
        @JsonSubTypes.Type(value = FloorOp.PutAction.class, name = "action"),
        @JsonSubTypes.Type(value = FloorOp.AddLine.class, name = "line"),
        @JsonSubTypes.Type(value = FloorOp.PutSettings.class, name = "settings"),
        @JsonSubTypes.Type(value = FloorOp.Publish.class, name = "publish")})
sealed interface FloorOp {

    /** Applies the step to a floor (its lock held); a published event goes to {@code floors}' listeners. */
    void applyTo(TenantFloor f, Floors floors);

    /** A live interaction as it is now; {@code platformAt}: when the platform changed its state, if it did. */
    record PutInteraction(Interaction interaction, Instant platformAt) implements FloorOp {
        @Override
        public void applyTo(TenantFloor f, Floors floors) {
            f.putInteraction(interaction, platformAt);
        }
    }

    /** An interaction left the live list. */
    record DropInteraction(Interaction interaction) implements FloorOp {
        @Override
        public void applyTo(TenantFloor f, Floors floors) {
            f.dropInteraction(interaction);
        }
    }

    record PutRequest(HelpRequest request) implements FloorOp {
        @Override
        public void applyTo(TenantFloor f, Floors floors) {
            f.putRequest(request);
        }
    }

    record PutAction(SupervisorAction action) implements FloorOp {
        @Override
        public void applyTo(TenantFloor f, Floors floors) {
            f.putAction(action);
        }
    }

    record AddLine(TranscriptLine line) implements FloorOp {
        @Override
        public void applyTo(TenantFloor f, Floors floors) {
            f.appendTranscript(line);
        }
    }

    record PutSettings(TenantSettings settings) implements FloorOp {
        @Override
        public void applyTo(TenantFloor f, Floors floors) {
            f.settings(settings);
        }
    }

    record Publish(FloorEvent event) implements FloorOp {
        @Override
        public void applyTo(TenantFloor f, Floors floors) {
            floors.publish(event);
        }
    }
}
