package io.huddle.console;

import io.huddle.client.Deadline;
import io.huddle.domain.ActionType;
import io.huddle.domain.Controls;
import io.huddle.domain.Presence;
import io.huddle.protocol.ActionDto;
import io.huddle.protocol.HelpRequestDto;
import io.huddle.protocol.InteractionDto;
import io.huddle.protocol.TranscriptLineDto;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The commands the console sends to the gateway. Futures complete on a client thread; view models hand
 * the results to the UI thread themselves. Every future completes by the command's deadline (a person's
 * click waits no longer than {@link io.huddle.ui.AsyncCommand#TIMEOUT}), with the outcome that is recorded.
 */
public interface ConsoleGateway {

    /**
     * These commands, each answered by the given deadline instead of one counted from its call. What only
     * answers from memory may ignore it; what sends over the network must keep it.
     */
    default ConsoleGateway within(Deadline deadline) {
        return this;
    }

    CompletableFuture<ViewResult> view(String interactionId);

    /** Which controls are on now, and the open help request: a read, for refreshing; not journaled. */
    CompletableFuture<ControlsResult> controls(String interactionId);

    CompletableFuture<Void> unview();

    CompletableFuture<HelpRequestDto> accept(String helpRequestId);

    CompletableFuture<ActionResult> act(String interactionId, ActionType action, String helpRequestId);

    CompletableFuture<TranscriptLineDto> send(String interactionId, String text);

    /** Says whether this supervisor is available, busy or away; answers the presence now in force. */
    CompletableFuture<Presence> presence(Presence presence);

    /** The gateway's answer to viewing an interaction; {@code serverTime} is the ack's, or null. */
    record ViewResult(InteractionDto interaction, Controls controls, HelpRequestDto helpRequest,
                      List<TranscriptLineDto> transcript, Instant serverTime) {
        public ViewResult(InteractionDto interaction, Controls controls, HelpRequestDto helpRequest,
                          List<TranscriptLineDto> transcript) {
            this(interaction, controls, helpRequest, transcript, null);
        }
    }

    /** Which controls are on for an interaction, and its open help request (or null). */
    record ControlsResult(Controls controls, HelpRequestDto helpRequest) {
    }

    /** The gateway's answer to an action, with the controls after it; {@code serverTime} is the ack's, or null. */
    record ActionResult(ActionDto action, Controls controls, Instant serverTime) {
        public ActionResult(ActionDto action, Controls controls) {
            this(action, controls, null);
        }
    }
}
