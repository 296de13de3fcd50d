package io.huddle.domain;

import static io.huddle.domain.HelpRequestStatus.CANCELLED;
import static io.huddle.domain.HelpRequestStatus.CLOSED;
import static io.huddle.domain.HelpRequestStatus.IN_PROGRESS;
import static io.huddle.domain.HelpRequestStatus.PENDING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HelpRequestStatusTest {
    /** The whole lifecycle: PENDING → IN_PROGRESS → CLOSED and PENDING → CANCELLED, nothing else. */
    private static final Set<List<HelpRequestStatus>> ALLOWED = Set.of(
            List.of(PENDING, IN_PROGRESS), List.of(PENDING, CANCELLED), List.of(IN_PROGRESS, CLOSED));

    static Stream<Arguments> allowed() {
        return ALLOWED.stream().map(p -> Arguments.of(p.get(0), p.get(1)));
    }

    static Stream<Arguments> refused() {
        List<Arguments> out = new ArrayList<>();
        for (HelpRequestStatus from : HelpRequestStatus.values()) {
            for (HelpRequestStatus to : HelpRequestStatus.values()) {
                if (!ALLOWED.contains(List.of(from, to))) {
                    out.add(Arguments.of(from, to));
                }
            }
        }
        return out.stream();
    }

    @Test
    void everyPairIsEitherAllowedOrRefused() {
        assertThat(allowed().count() + refused().count()).isEqualTo(16);
        assertThat(refused().count()).isEqualTo(13);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("allowed")
    void allowedMoves(HelpRequestStatus from, HelpRequestStatus to) {
        assertThat(from.canMoveTo(to)).isTrue();
        assertThat(from.transition(to)).isSameAs(to);
    }

    @ParameterizedTest(name = "{0} -/-> {1}")
    @MethodSource("refused")
    void refusedMovesAreConflictsNamingBothStates(HelpRequestStatus from, HelpRequestStatus to) {
        assertThat(from.canMoveTo(to)).isFalse();
        assertThatThrownBy(() -> from.transition(to))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT))
                .hasMessage("help request is " + from + " and cannot become " + to);
    }

    @Test
    void onlyPendingAndInProgressAreOpen() {
        assertThat(PENDING.isOpen()).isTrue();
        assertThat(IN_PROGRESS.isOpen()).isTrue();
        assertThat(CLOSED.isOpen()).isFalse();
        assertThat(CANCELLED.isOpen()).isFalse();
    }

    @Test
    void conflictMapsTo409() {
        assertThat(DomainException.Kind.CONFLICT.httpStatus()).isEqualTo(409);
        assertThat(DomainException.Kind.CONFLICT.code()).isEqualTo("conflict");
    }
}
