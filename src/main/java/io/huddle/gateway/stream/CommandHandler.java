package io.huddle.gateway.stream;

import io.huddle.domain.ActionType;
import io.huddle.domain.DomainException;
import io.huddle.domain.HelpRequest;
import io.huddle.domain.Presence;
import io.huddle.domain.SupervisorAction;
import io.huddle.domain.User;
import io.huddle.gateway.floor.HelpLifecycle;
import io.huddle.gateway.platform.PlatformControls;
import io.huddle.gateway.floor.InteractionView;
import io.huddle.protocol.ActionDto;
import io.huddle.protocol.HelpRequestDto;
import io.huddle.protocol.InteractionDto;
import io.huddle.protocol.TranscriptLineDto;
import io.huddle.protocol.stream.ClientFrame;
import io.huddle.protocol.stream.CommandResult;
import java.util.Arrays;
import java.util.Locale;

/** Runs one stream command against the floor and returns the ack's result. */
final class CommandHandler {
    /**
     * A view carries the latest lines of the transcript, not all the gateway keeps (docs/protocol.md): the
     * rest is one REST call away, and a view's reply stays small however often it is asked.
     */
    static final InteractionView.Tail VIEW_TAIL = new InteractionView.Tail(50, 16 * 1024);

    private final HelpLifecycle help;
    /** For tests: runs after a view has read the floor (and the stream follows it), before its reply is built. */
    private final Runnable afterViewRead;

    private final PlatformControls controls;
    private final StreamHub presence;

    CommandHandler(HelpLifecycle help, PlatformControls controls, StreamHub presence) {
        this(help, controls, presence, () -> { });
    }

    CommandHandler(HelpLifecycle help, PlatformControls controls, StreamHub presence, Runnable afterViewRead) {
        this.help = help;
        this.controls = controls;
        this.presence = presence;
        this.afterViewRead = afterViewRead;
    }

    CommandResult run(ClientFrame.Command cmd, StreamSession session) {
        User user = session.user;
        if (cmd instanceof ClientFrame.Ping) {
            return new CommandResult.None();
        }
        if (cmd instanceof ClientFrame.View c) {
            String id = c.interactionId();
            InteractionView v = controls.view(user, id, VIEW_TAIL, () -> session.view(id));
            afterViewRead.run();
            return new CommandResult.View(InteractionDto.of(v.interaction()), v.controls(),
                    help(v.helpRequest()), v.transcript().stream().map(TranscriptLineDto::of).toList(),
                    v.earlierLines());
        }
        if (cmd instanceof ClientFrame.Controls c) {
            InteractionView v = controls.read(user, c.interactionId(), InteractionView.Tail.NONE, () -> { });
            return new CommandResult.ControlsRead(v.controls(), help(v.helpRequest()));
        }
        if (cmd instanceof ClientFrame.Unview) {
            session.view(null);
            return new CommandResult.None();
        }
        if (cmd instanceof ClientFrame.HelpAccept c) {
            return new CommandResult.Help(help(help.acceptHelp(user, c.helpRequestId())));
        }
        if (cmd instanceof ClientFrame.HelpRequest c) {
            return new CommandResult.Help(help(help.raiseHelp(user, c.interactionId(), c.reason(), c.comment())));
        }
        if (cmd instanceof ClientFrame.HelpCancel c) {
            return new CommandResult.Help(help(help.cancelHelp(user, c.helpRequestId())));
        }
        if (cmd instanceof ClientFrame.HelpClose c) {
            return new CommandResult.Help(help(help.closeHelp(user, c.helpRequestId())));
        }
        if (cmd instanceof ClientFrame.Action c) {
            SupervisorAction a = controls.act(user, c.interactionId(), action(c.action()), c.helpRequestId());
            return new CommandResult.Action(ActionDto.of(a), controls.controls(user, c.interactionId()));
        }
        if (cmd instanceof ClientFrame.MessageSend c) {
            return new CommandResult.Message(TranscriptLineDto.of(controls.sendMessage(user, c.interactionId(),
                    c.text())));
        }
        if (cmd instanceof ClientFrame.PresenceSet c) {
            return new CommandResult.PresenceNow(presence.choose(session, Presence.chosen(c.presence())).wireName());
        }
        throw new IllegalStateException("no handler for command '" + ClientFrame.typeOf(cmd) + "'");
    }

    private static HelpRequestDto help(HelpRequest h) {
        return h == null ? null : HelpRequestDto.of(h);
    }

    private static ActionType action(String v) {
        try {
            return ActionType.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.badRequest("field 'action' has an invalid value '" + v + "': expected one of "
                    + Arrays.toString(ActionType.values()));
        }
    }
}
