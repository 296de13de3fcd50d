package io.huddle.domain;

import static io.huddle.domain.DomainFixtures.OTHER_SUPERVISOR;
import static io.huddle.domain.DomainFixtures.SUPERVISOR;
import static io.huddle.domain.DomainFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random sequences of moves on one help request never produce a value the lifecycle does not allow. */
class HelpRequestLifecyclePropertyTest {

    enum Move { ACCEPT_1, ACCEPT_2, CANCEL, CLOSE, END_WITH_INTERACTION }

    @Provide
    Arbitrary<List<Move>> moves() {
        return Arbitraries.of(Move.class).list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 500)
    void everyMoveIsEitherLegalOrAConflictThatChangesNothing(@ForAll("moves") List<Move> moves) {
        HelpRequest r = DomainFixtures.pending();
        Instant t = T0;
        for (Move m : moves) {
            t = t.plusSeconds(1);
            HelpRequestStatus before = r.status();
            HelpRequestStatus target = target(m, before);
            HelpRequest next;
            try {
                next = apply(m, r, t);
            } catch (DomainException e) {
                assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                assertThat(before.canMoveTo(target)).as("%s refused from %s", m, before).isFalse();
                assertThat(e.getMessage()).isEqualTo("help request is " + before + " and cannot become " + target);
                continue;
            }
            assertThat(before.canMoveTo(next.status())).as("%s from %s", m, before).isTrue();
            assertThat(next.status()).isEqualTo(target);
            assertConsistent(next);
            assertThat(next.createdAt()).isEqualTo(T0);
            assertThat(next.id()).isEqualTo(r.id());
            r = next;
        }
        assertConsistent(r);
    }

    private static HelpRequestStatus target(Move m, HelpRequestStatus from) {
        return switch (m) {
            case ACCEPT_1, ACCEPT_2 -> HelpRequestStatus.IN_PROGRESS;
            case CANCEL -> HelpRequestStatus.CANCELLED;
            case CLOSE -> HelpRequestStatus.CLOSED;
            case END_WITH_INTERACTION -> from == HelpRequestStatus.PENDING ? HelpRequestStatus.CANCELLED
                    : HelpRequestStatus.CLOSED;
        };
    }

    private static HelpRequest apply(Move m, HelpRequest r, Instant t) {
        return switch (m) {
            case ACCEPT_1 -> r.accept(SUPERVISOR, t);
            case ACCEPT_2 -> r.accept(OTHER_SUPERVISOR, t);
            case CANCEL -> r.cancel(t, HelpRequest.EndReason.AGENT_CANCELLED);
            case CLOSE -> r.close(t, HelpRequest.EndReason.AGENT_CLOSED);
            case END_WITH_INTERACTION -> r.endWithInteraction(t);
        };
    }

    /** The fields that must agree with the status, whatever path led there. */
    private static void assertConsistent(HelpRequest r) {
        boolean accepted = r.status() == HelpRequestStatus.IN_PROGRESS || r.status() == HelpRequestStatus.CLOSED;
        assertThat(r.acceptedAt() != null).as("acceptedAt of %s", r.status()).isEqualTo(accepted);
        assertThat(r.helpProvidedBy() != null).as("helpProvidedBy of %s", r.status()).isEqualTo(accepted);
        assertThat(r.closedAt() != null).as("closedAt of %s", r.status())
                .isEqualTo(r.status() == HelpRequestStatus.CLOSED);
        assertThat(r.cancelledAt() != null).as("cancelledAt of %s", r.status())
                .isEqualTo(r.status() == HelpRequestStatus.CANCELLED);
        assertThat(r.endReason() != null).as("endReason of %s", r.status()).isEqualTo(!r.status().isOpen());
        if (r.acceptedAt() != null) {
            assertThat(r.acceptedAt()).isAfter(r.createdAt());
        }
        if (r.closedAt() != null) {
            assertThat(r.closedAt()).isAfter(r.acceptedAt());
        }
    }
}
