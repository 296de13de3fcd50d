package io.huddle.console;

import io.huddle.domain.ActionType;
import io.huddle.domain.Controls;
import io.huddle.protocol.ActionDto;
import io.huddle.protocol.HelpRequestDto;
import io.huddle.protocol.InteractionDto;
import io.huddle.protocol.TranscriptLineDto;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The commands the console sends to the gateway. Futures complete on a client thread; view models hand
 * the results to the UI thread themselves.
 */
public interface ConsoleGateway {

    CompletableFuture<ViewResult> view(String interactionId);

    CompletableFuture<Void> unview();

    CompletableFuture<HelpRequestDto> accept(String helpRequestId);

    CompletableFuture<ActionResult> act(String interactionId, ActionType action, String helpRequestId);

    CompletableFuture<TranscriptLineDto> send(String interactionId, String text);

    /** The gateway's answer to viewing an interaction. */
    record ViewResult(InteractionDto interaction, Controls controls, HelpRequestDto helpRequest,
                      List<TranscriptLineDto> transcript) {
    }

    /** The gateway's answer to an action, with the controls after it. */
    record ActionResult(ActionDto action, Controls controls) {
    }
}
