package io.huddle.protocol.stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.huddle.domain.TenantSettings;
import io.huddle.protocol.HelpRequestDto;
import io.huddle.protocol.InteractionDto;
import io.huddle.protocol.TranscriptLineDto;
import io.huddle.protocol.UserDto;
import java.time.Instant;
import java.util.List;

/**
 * A frame the gateway sends on the stream (docs/protocol.md, "The stream"), named on the wire by its
 * {@code type}. The gateway builds these and the client reads them, so each frame is declared here once.
 * A frame of a type this client does not know is read as {@link Unknown} (a newer gateway may send more).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = true, defaultImpl = ServerFrame.Unknown.class)
@JsonSubTypes({
        @JsonSubTypes.Type(ServerFrame.Welcome.class),
        @JsonSubTypes.Type(ServerFrame.Snapshot.class),
        @JsonSubTypes.Type(ServerFrame.Heartbeat.class),
        @JsonSubTypes.Type(ServerFrame.Ack.class),
        @JsonSubTypes.Type(ServerFrame.Error.class),
        @JsonSubTypes.Type(ServerFrame.InteractionUpdated.class),
        @JsonSubTypes.Type(ServerFrame.InteractionEnded.class),
        @JsonSubTypes.Type(ServerFrame.HelpUpdated.class),
        @JsonSubTypes.Type(ServerFrame.Notification.class),
        @JsonSubTypes.Type(ServerFrame.TranscriptAppended.class)})
public sealed interface ServerFrame {

    /** The frame's wire {@code type}. */
    static String typeOf(ServerFrame frame) {
        if (frame instanceof Unknown u) {
            return u.type();
        }
        return frame.getClass().getAnnotation(JsonTypeName.class).value();
    }

    /** The answer to a hello; {@code seq} is the stream's last sequence number at the time. */
    @JsonTypeName("welcome")
    record Welcome(String streamId, UserDto user, long heartbeatSeconds, boolean resumed, long seq,
                   Instant serverTime) implements ServerFrame {
    }

    /**
     * The whole floor this user may see as of {@code seq}; it replaces whatever the client held. {@code position}:
     * where it is in the tenant's floor log (as an event's), null from a gateway without one.
     */
    @JsonTypeName("snapshot")
    record Snapshot(Long seq, List<InteractionDto> interactions, List<HelpRequestDto> helpRequests,
                    TenantSettings settings, @JsonInclude(JsonInclude.Include.NON_NULL) String position)
            implements ServerFrame {
        public Snapshot {
            interactions = interactions == null ? List.of() : List.copyOf(interactions);
            helpRequests = helpRequests == null ? List.of() : List.copyOf(helpRequests);
        }

        public Snapshot(Long seq, List<InteractionDto> interactions, List<HelpRequestDto> helpRequests,
                        TenantSettings settings) {
            this(seq, interactions, helpRequests, settings, null);
        }
    }

    /** Sent on every stream every {@code heartbeatSeconds}; not numbered. */
    @JsonTypeName("heartbeat")
    record Heartbeat(Instant serverTime) implements ServerFrame {
    }

    /**
     * A command's success. The wire does not say which command's result it carries (the command's {@code id}
     * does), so the client reads {@code result} as {@link CommandResult.Unread} and types it by the command.
     * An unreadable {@code serverTime} is read as null: the result still counts.
     */
    @JsonTypeName("ack")
    record Ack(String id, @JsonDeserialize(using = LenientInstant.class) Instant serverTime,
               @JsonDeserialize(as = CommandResult.Unread.class) CommandResult result)
            implements ServerFrame {
    }

    /** A command's refusal, or a frame the gateway could not take ({@code id} null when none could be read). */
    @JsonTypeName("error")
    record Error(String id, String error, String message) implements ServerFrame {
    }

    /**
     * A numbered event: each stream numbers its own events 1, 2, 3, ... The gateway builds an event once for
     * all its recipients with {@code seq} null (left out of the JSON) and each stream adds its own when it
     * sends it; as the client reads it, {@code seq} is the stream's number.
     */
    sealed interface Event extends ServerFrame {
        Long seq();

        /**
         * Where the event is in its tenant's floor log, "{entry}.{index}", understood by every gateway on the same
         * database (docs/protocol.md, "Opening and resuming"); null from a gateway without one.
         */
        String position();
    }

    /** An interaction as the recipient may now see it. */
    @JsonTypeName("interaction.updated")
    record InteractionUpdated(@JsonInclude(JsonInclude.Include.NON_NULL) Long seq, InteractionDto interaction,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String position) implements Event {
        public InteractionUpdated(Long seq, InteractionDto interaction) {
            this(seq, interaction, null);
        }
    }

    @JsonTypeName("interaction.ended")
    record InteractionEnded(@JsonInclude(JsonInclude.Include.NON_NULL) Long seq, String interactionId,
                            Instant endedAt, @JsonInclude(JsonInclude.Include.NON_NULL) String position)
            implements Event {
        public InteractionEnded(Long seq, String interactionId, Instant endedAt) {
            this(seq, interactionId, endedAt, null);
        }
    }

    @JsonTypeName("help.updated")
    record HelpUpdated(@JsonInclude(JsonInclude.Include.NON_NULL) Long seq, HelpRequestDto helpRequest,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String position) implements Event {
        public HelpUpdated(Long seq, HelpRequestDto helpRequest) {
            this(seq, helpRequest, null);
        }
    }

    /** {@code kind}: help.assigned, help.cancelled or help.accepted. */
    @JsonTypeName("notification")
    record Notification(@JsonInclude(JsonInclude.Include.NON_NULL) Long seq, String kind, String helpRequestId,
                        String interactionId, String text, @JsonInclude(JsonInclude.Include.NON_NULL) String position)
            implements Event {
        public Notification(Long seq, String kind, String helpRequestId, String interactionId, String text) {
            this(seq, kind, helpRequestId, interactionId, text, null);
        }
    }

    @JsonTypeName("transcript.appended")
    record TranscriptAppended(@JsonInclude(JsonInclude.Include.NON_NULL) Long seq, TranscriptLineDto line,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String position) implements Event {
        public TranscriptAppended(Long seq, TranscriptLineDto line) {
            this(seq, line, null);
        }
    }

    /**
     * A frame of a type this client does not know (or with no type): with a {@code seq} it is an event of a
     * newer gateway, which counts in the stream's numbering but changes nothing here; without, it is ignored.
     * Only ever read, never sent.
     */
    record Unknown(String type, Long seq) implements Event {
        @Override
        public String position() {
            return null;
        }
    }
}
