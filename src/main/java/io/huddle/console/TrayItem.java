package io.huddle.console;

import io.huddle.protocol.HelpRequestDto;
import io.huddle.ui.AsyncCommand;
import java.time.Instant;

/** A help request waiting in the tray, with its Confirm command. */
public final class TrayItem {
    private final HelpRequestDto request;
    private final String interactionLabel;
    private AsyncCommand<HelpRequestDto> confirm;

    TrayItem(HelpRequestDto request, String interactionLabel) {
        this.request = request;
        this.interactionLabel = interactionLabel;
    }

    void confirmWith(AsyncCommand<HelpRequestDto> command) {
        this.confirm = command;
    }

    public HelpRequestDto request() {
        return request;
    }

    public String id() {
        return request.id();
    }

    public String agentName() {
        return request.agentName();
    }

    public String reason() {
        return request.reason();
    }

    public String comment() {
        return request.comment();
    }

    public Instant createdAt() {
        return request.createdAt();
    }

    /** "Chat with Maria Silva · Billing", or the interaction id when it is not in the list. */
    public String interactionLabel() {
        return interactionLabel;
    }

    public AsyncCommand<HelpRequestDto> confirm() {
        return confirm;
    }
}
