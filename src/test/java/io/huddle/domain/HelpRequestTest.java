package io.huddle.domain;

import static io.huddle.domain.DomainFixtures.AGENT;
import static io.huddle.domain.DomainFixtures.SUPERVISOR;
import static io.huddle.domain.DomainFixtures.T0;
import static io.huddle.domain.DomainFixtures.pending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HelpRequestTest {
    private static final Instant T1 = T0.plusSeconds(10);
    private static final Instant T2 = T0.plusSeconds(20);

    @Test
    void raiseCopiesTheInteractionAndStartsPending() {
        HelpRequest r = pending();
        assertThat(r.status()).isEqualTo(HelpRequestStatus.PENDING);
        assertThat(r.tenant()).isEqualTo("acme");
        assertThat(r.domain()).isEqualTo("support");
        assertThat(r.interactionId()).isEqualTo("ix-1");
        assertThat(r.agentId()).isEqualTo(AGENT.id());
        assertThat(r.agentName()).isEqualTo(AGENT.displayName());
        assertThat(r.reason()).isEqualTo("Policy question");
        assertThat(r.comment()).isEqualTo("refund");
        assertThat(r.assignedTo()).containsExactly("acme:sup1", "acme:sup2");
        assertThat(r.createdAt()).isEqualTo(T0);
        assertThat(r.helpProvidedBy()).isNull();
        assertThat(r.acceptedAt()).isNull();
        assertThat(r.closedAt()).isNull();
        assertThat(r.cancelledAt()).isNull();
        assertThat(r.endReason()).isNull();
    }

    @Test
    void assignedToIsACopy() {
        List<String> list = new ArrayList<>(List.of("a"));
        HelpRequest r = pending().withAssignedTo(list);
        list.add("b");
        assertThat(r.assignedTo()).containsExactly("a");
        assertThatThrownBy(() -> r.assignedTo().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void acceptRecordsTheHelperAndTime() {
        HelpRequest a = pending().accept(SUPERVISOR, T1);
        assertThat(a.status()).isEqualTo(HelpRequestStatus.IN_PROGRESS);
        assertThat(a.helpProvidedBy()).isEqualTo(SUPERVISOR.id());
        assertThat(a.helpProvidedByName()).isEqualTo(SUPERVISOR.displayName());
        assertThat(a.acceptedAt()).isEqualTo(T1);
        assertThat(a.createdAt()).isEqualTo(T0);
        assertThat(a.assignedTo()).isEqualTo(pending().assignedTo());
        assertThat(a.closedAt()).isNull();
        assertThat(a.cancelledAt()).isNull();
    }

    @Test
    void cancelOnlyWhilePending() {
        HelpRequest c = pending().cancel(T1, HelpRequest.EndReason.AGENT_CANCELLED);
        assertThat(c.status()).isEqualTo(HelpRequestStatus.CANCELLED);
        assertThat(c.cancelledAt()).isEqualTo(T1);
        assertThat(c.closedAt()).isNull();
        assertThat(c.endReason()).isEqualTo(HelpRequest.EndReason.AGENT_CANCELLED);

        HelpRequest inProgress = pending().accept(SUPERVISOR, T1);
        assertThatThrownBy(() -> inProgress.cancel(T2, HelpRequest.EndReason.AGENT_CANCELLED))
                .isInstanceOf(DomainException.class)
                .hasMessage("help request is IN_PROGRESS and cannot become CANCELLED");
        assertThatThrownBy(() -> c.cancel(T2, HelpRequest.EndReason.AGENT_CANCELLED))
                .hasMessage("help request is CANCELLED and cannot become CANCELLED");
    }

    @Test
    void closeOnlyWhileInProgressAndKeepsTheHelper() {
        HelpRequest closed = pending().accept(SUPERVISOR, T1).close(T2, HelpRequest.EndReason.AGENT_CLOSED);
        assertThat(closed.status()).isEqualTo(HelpRequestStatus.CLOSED);
        assertThat(closed.closedAt()).isEqualTo(T2);
        assertThat(closed.acceptedAt()).isEqualTo(T1);
        assertThat(closed.helpProvidedBy()).isEqualTo(SUPERVISOR.id());
        assertThat(closed.cancelledAt()).isNull();
        assertThat(closed.endReason()).isEqualTo(HelpRequest.EndReason.AGENT_CLOSED);

        assertThatThrownBy(() -> pending().close(T1, HelpRequest.EndReason.AGENT_CLOSED))
                .isInstanceOf(DomainException.class)
                .hasMessage("help request is PENDING and cannot become CLOSED");
        assertThatThrownBy(() -> closed.accept(SUPERVISOR, T2))
                .hasMessage("help request is CLOSED and cannot become IN_PROGRESS");
    }

    @Test
    void acceptTwiceIsRefused() {
        HelpRequest a = pending().accept(SUPERVISOR, T1);
        assertThatThrownBy(() -> a.accept(DomainFixtures.OTHER_SUPERVISOR, T2))
                .isInstanceOf(DomainException.class)
                .hasMessage("help request is IN_PROGRESS and cannot become IN_PROGRESS");
    }

    @Test
    void endingTheInteractionCancelsAPendingRequest() {
        HelpRequest e = pending().endWithInteraction(T1);
        assertThat(e.status()).isEqualTo(HelpRequestStatus.CANCELLED);
        assertThat(e.cancelledAt()).isEqualTo(T1);
        assertThat(e.endReason()).isEqualTo(HelpRequest.EndReason.INTERACTION_ENDED);
    }

    @Test
    void endingTheInteractionClosesARequestInProgress() {
        HelpRequest e = pending().accept(SUPERVISOR, T1).endWithInteraction(T2);
        assertThat(e.status()).isEqualTo(HelpRequestStatus.CLOSED);
        assertThat(e.closedAt()).isEqualTo(T2);
        assertThat(e.helpProvidedBy()).isEqualTo(SUPERVISOR.id());
        assertThat(e.endReason()).isEqualTo(HelpRequest.EndReason.INTERACTION_ENDED);
    }

    @Test
    void endingTheInteractionOfAFinishedRequestIsRefused() {
        HelpRequest cancelled = pending().cancel(T1, HelpRequest.EndReason.AGENT_CANCELLED);
        assertThatThrownBy(() -> cancelled.endWithInteraction(T2))
                .isInstanceOf(DomainException.class)
                .hasMessage("help request is CANCELLED and cannot become CLOSED");
    }

    @Test
    void idAndStatusAreRequired() {
        HelpRequest r = pending();
        assertThatThrownBy(() -> new HelpRequest(null, "acme", "support", "ix", "a", "A", r.status(), null, null,
                List.of(), null, null, T0, null, null, null, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("id");
        assertThatThrownBy(() -> new HelpRequest("hr", "acme", "support", "ix", "a", "A", null, null, null,
                List.of(), null, null, T0, null, null, null, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("status");
    }
}
