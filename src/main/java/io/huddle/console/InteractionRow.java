package io.huddle.console;

import io.huddle.domain.Channel;
import io.huddle.domain.InteractionState;
import io.huddle.domain.Participant;
import io.huddle.domain.SupervisorMode;
import io.huddle.protocol.InteractionDto;
import io.huddle.protocol.ParticipantDto;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One row of the live list. Updated in place, so the table redraws only the cells that changed. */
public final class InteractionRow {
    private final String id;
    private final ReadOnlyObjectWrapper<Channel> channel = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper agent = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper customer = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper queue = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<InteractionState> state = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Instant> startedAt = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper helpRequested = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper supervisors = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<SupervisorMode> myMode = new ReadOnlyObjectWrapper<>();
    private InteractionDto dto;
    private String searchText; // what the filter reads, built when first needed after a change of the texts

    public InteractionRow(InteractionDto dto, String myId) {
        this.id = dto.id();
        update(dto, myId);
    }

    public void update(InteractionDto next, String myId) {
        InteractionDto previous = dto;
        dto = next;
        channel.set(next.channel());
        if (previous == null || !Objects.equals(previous.agentName(), next.agentName())
                || !Objects.equals(previous.customerName(), next.customerName())
                || !Objects.equals(previous.queue(), next.queue())) {
            searchText = null;
        }
        agent.set(next.agentName());
        customer.set(next.customerName());
        queue.set(next.queue());
        state.set(next.state());
        startedAt.set(next.startedAt());
        helpRequested.set(next.helpRequested());
        if (previous != null && previous.participants().equals(next.participants())) {
            return; // most updates change the state only: the supervisors shown are the same
        }
        List<ParticipantDto> sups = next.participants().stream()
                .filter(p -> p.kind() == Participant.Kind.SUPERVISOR).toList();
        searchText = null;
        supervisors.set(sups.stream().map(p -> p.name() + " (" + modeLabel(p.mode()) + ")")
                .collect(Collectors.joining(", ")));
        myMode.set(sups.stream().filter(p -> p.id().equals(myId)).map(ParticipantDto::mode).findFirst()
                .orElse(null));
    }

    public static String modeLabel(SupervisorMode mode) {
        if (mode == null) {
            return "";
        }
        return switch (mode) {
            case MONITOR -> "monitoring";
            case COACH -> "coaching";
            case BARGE_IN -> "barged in";
        };
    }

    /**
     * Whether the row shows what the supervisor typed: every word of the query is in the agent, customer,
     * queue or supervisors column as shown (ignoring case and accents). The internal id is not shown in the
     * list, so only the whole id matches (pasted from the audit search, say), never a fragment of it.
     */
    boolean matches(TextQuery query) {
        if (query.isId(id)) {
            return true;
        }
        if (searchText == null) {
            searchText = TextQuery.normalize(String.join("\n", nonNull(agent.get()), nonNull(customer.get()),
                    nonNull(queue.get()), nonNull(supervisors.get())));
        }
        return query.foundIn(searchText);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    public String id() {
        return id;
    }

    public InteractionDto dto() {
        return dto;
    }

    public ReadOnlyObjectProperty<Channel> channelProperty() {
        return channel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty agentProperty() {
        return agent.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty customerProperty() {
        return customer.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty queueProperty() {
        return queue.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<InteractionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> startedAtProperty() {
        return startedAt.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty helpRequestedProperty() {
        return helpRequested.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty supervisorsProperty() {
        return supervisors.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SupervisorMode> myModeProperty() {
        return myMode.getReadOnlyProperty();
    }
}
