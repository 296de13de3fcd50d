package io.huddle.agent;

import io.huddle.protocol.HelpRequestDto;
import java.util.concurrent.CompletableFuture;

/** The agent window's commands. Futures complete on a client thread. */
public interface AgentGateway {
    CompletableFuture<HelpRequestDto> requestHelp(String interactionId, String reason, String comment);

    CompletableFuture<HelpRequestDto> cancel(String helpRequestId);

    CompletableFuture<HelpRequestDto> close(String helpRequestId);
}
