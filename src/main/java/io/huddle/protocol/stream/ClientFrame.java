package io.huddle.protocol.stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * A frame the client sends on the stream (docs/protocol.md, "The stream"), named on the wire by its
 * {@code type}: the hello, then commands. The client builds these and the gateway reads them. A command's
 * {@code id} is not part of the record: it belongs to the frame that carries the command (the client adds it,
 * and the gateway reads it first, so that even a command it cannot read gets an error with its id).
 * A required field that is missing fails the record's construction with "field 'x' is required".
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(ClientFrame.Hello.class),
        @JsonSubTypes.Type(ClientFrame.Ping.class),
        @JsonSubTypes.Type(ClientFrame.View.class),
        @JsonSubTypes.Type(ClientFrame.Controls.class),
        @JsonSubTypes.Type(ClientFrame.Unview.class),
        @JsonSubTypes.Type(ClientFrame.HelpAccept.class),
        @JsonSubTypes.Type(ClientFrame.HelpRequest.class),
        @JsonSubTypes.Type(ClientFrame.HelpCancel.class),
        @JsonSubTypes.Type(ClientFrame.HelpClose.class),
        @JsonSubTypes.Type(ClientFrame.Action.class),
        @JsonSubTypes.Type(ClientFrame.MessageSend.class),
        @JsonSubTypes.Type(ClientFrame.PresenceSet.class)})
public sealed interface ClientFrame {

    /** The frame's wire {@code type}. */
    static String typeOf(ClientFrame frame) {
        return frame.getClass().getAnnotation(JsonTypeName.class).value();
    }

    /** The first frame of every socket; {@code resume} only when the client resumes a stream. */
    @JsonTypeName("hello")
    record Hello(Integer protocol, @JsonInclude(JsonInclude.Include.NON_NULL) Client client,
                 @JsonInclude(JsonInclude.Include.NON_NULL) Resume resume) implements ClientFrame {

        /** Who is speaking: a name and version, for the gateway's logs. */
        public record Client(String name, String version) {
        }

        /**
         * The stream to resume, the last {@code seq} the client has, and the {@code position} of the last event
         * or snapshot it has (null when the gateway gave none): with it, any gateway on the same database can
         * resume the stream.
         */
        public record Resume(String streamId, Long lastSeq,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String position) {
            public Resume(String streamId, Long lastSeq) {
                this(streamId, lastSeq, null);
            }
        }
    }

    /** A command: answered with exactly one ack or error. */
    sealed interface Command extends ClientFrame {
        /** Whether it changes the floor (the gateway runs it at most once per id) rather than reads it. */
        default boolean changesTheFloor() {
            return false;
        }
    }

    @JsonTypeName("ping")
    record Ping() implements Command {
    }

    /** Reads the interaction and follows its transcript until {@link Unview}. */
    @JsonTypeName("view")
    record View(String interactionId) implements Command {
        public View {
            required(interactionId, "interactionId");
        }
    }

    /** Reads the interaction's controls, without its transcript or following it. */
    @JsonTypeName("controls")
    record Controls(String interactionId) implements Command {
        public Controls {
            required(interactionId, "interactionId");
        }
    }

    @JsonTypeName("unview")
    record Unview() implements Command {
    }

    @JsonTypeName("help.accept")
    record HelpAccept(String helpRequestId) implements Command {
        public HelpAccept {
            required(helpRequestId, "helpRequestId");
        }

        @Override
        public boolean changesTheFloor() {
            return true;
        }
    }

    /** An agent asks for help; the gateway checks {@code reason}, {@code comment} may be null. */
    @JsonTypeName("help.request")
    record HelpRequest(String interactionId, String reason,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String comment) implements Command {
        public HelpRequest {
            required(interactionId, "interactionId");
        }

        @Override
        public boolean changesTheFloor() {
            return true;
        }
    }

    @JsonTypeName("help.cancel")
    record HelpCancel(String helpRequestId) implements Command {
        public HelpCancel {
            required(helpRequestId, "helpRequestId");
        }

        @Override
        public boolean changesTheFloor() {
            return true;
        }
    }

    @JsonTypeName("help.close")
    record HelpClose(String helpRequestId) implements Command {
        public HelpClose {
            required(helpRequestId, "helpRequestId");
        }

        @Override
        public boolean changesTheFloor() {
            return true;
        }
    }

    /**
     * A supervisor action. {@code action} is the action's name as sent (MONITOR, COACH, BARGE_IN or
     * DISCONNECT, in any case): the gateway reads it, so that it can name a value it does not know.
     * {@code helpRequestId} may be null.
     */
    @JsonTypeName("action")
    record Action(String interactionId, String action,
                  @JsonInclude(JsonInclude.Include.NON_NULL) String helpRequestId) implements Command {
        public Action {
            required(interactionId, "interactionId");
            required(action, "action");
        }

        @Override
        public boolean changesTheFloor() {
            return true;
        }
    }

    /** A coach or barge message; the gateway checks {@code text}. */
    @JsonTypeName("message.send")
    record MessageSend(String interactionId, String text) implements Command {
        public MessageSend {
            required(interactionId, "interactionId");
        }

        @Override
        public boolean changesTheFloor() {
            return true;
        }
    }

    /**
     * A supervisor says whether they are available, busy or away (the gateway reads the value); it holds for
     * their sign-in session, on every stream of it and after a reconnect.
     */
    @JsonTypeName("presence.set")
    record PresenceSet(String presence) implements Command {
        public PresenceSet {
            required(presence, "presence");
        }
    }

    private static void required(String value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("field '" + field + "' is required");
        }
    }
}
