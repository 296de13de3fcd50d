package io.huddle.console;

import io.huddle.protocol.EscalationDto;
import io.huddle.protocol.HelpRequestDto;
import io.huddle.ui.AsyncCommand;
import java.time.Instant;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A help request waiting in the tray, with its Confirm command, and where it is on the escalation ladder:
 * overdue once reminded or past the service level, and a line that says which.
 */
public final class TrayItem {
    private HelpRequestDto request;
    private final String myId;
    private final String interactionLabel;
    private final ReadOnlyBooleanWrapper overdue = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper ladder = new ReadOnlyStringWrapper();
    private AsyncCommand<HelpRequestDto> confirm;

    TrayItem(HelpRequestDto request, String myId, String interactionLabel) {
        this.myId = myId;
        this.interactionLabel = interactionLabel;
        update(request);
    }

    /** The request as the gateway has it now (a new escalation step). */
    void update(HelpRequestDto r) {
        this.request = r;
        boolean reminded = r.lastStep("reminded") != null;
        boolean breached = r.lastStep("breached") != null;
        EscalationDto escalated = r.lastStep("escalated");
        overdue.set(reminded || breached);
        String late = breached ? "Overdue: past the service level" : reminded ? "Overdue: still waiting" : null;
        String up = escalated == null ? null : escalatedTo(escalated);
        ladder.set(late == null ? up : up == null ? late : late + " · " + up.toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * "Escalated to you", or how many more supervisors the step added: it does not say whether its group was the
     * leads or supervisors the admin named (docs/protocol.md, "Escalation"), so the words count them.
     */
    private String escalatedTo(EscalationDto escalated) {
        int added = escalated.assignedTo().size();
        if (escalated.assignedTo().contains(myId)) {
            return "Escalated to you";
        }
        return added == 0 ? "No more supervisors to escalate to"
                : "Escalated to " + (added == 1 ? "1 more supervisor" : added + " more supervisors");
    }

    /** Reminded or past the service level: the card is marked. */
    public ReadOnlyBooleanProperty overdue() {
        return overdue.getReadOnlyProperty();
    }

    /** "Overdue: past the service level · escalated to you", or null while nothing happened yet. */
    public ReadOnlyStringProperty ladder() {
        return ladder.getReadOnlyProperty();
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
