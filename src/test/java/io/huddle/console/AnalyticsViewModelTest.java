package io.huddle.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.client.ActionFilter;
import io.huddle.client.AnalyticsFilter;
import io.huddle.domain.ActionType;
import io.huddle.protocol.HelpRequestAnalyticsDto;
import io.huddle.protocol.InterventionAnalyticsDto;
import io.huddle.ui.UiThread;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The analytics window's logic without a window: the range it asks for, what it shows, where a click leads. */
class AnalyticsViewModelTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Lisbon");
    private static final Instant AS_OF = Instant.parse("2026-07-01T15:00:00Z");

    private final List<AnalyticsFilter> asked = new ArrayList<>();
    private final List<ActionFilter> audits = new ArrayList<>();
    private final AnalyticsViewModel vm = new AnalyticsViewModel(new AnalyticsViewModel.AnalyticsSource() {
        @Override
        public CompletableFuture<AnalyticsViewModel.Figures> load(AnalyticsFilter filter) {
            asked.add(filter);
            return CompletableFuture.completedFuture(figures());
        }

        @Override
        public CompletableFuture<Long> export(AnalyticsFilter filter, Path target) {
            return CompletableFuture.completedFuture(10L);
        }
    }, UiThread.direct(), ZONE, LocalDate.of(2026, 7, 1), audits::add);

    @Test
    void theRangeIsWholeLocalDaysWithToInclusiveInEitherOrder() {
        vm.from().set(LocalDate.of(2026, 7, 3));
        vm.to().set(LocalDate.of(2026, 7, 1));
        vm.channels().setAll("CHAT");
        vm.reload();
        AnalyticsFilter f = asked.get(asked.size() - 1);
        assertThat(f.from()).isEqualTo(Instant.parse("2026-06-30T23:00:00Z")); // Lisbon is UTC+1 in July
        assertThat(f.to()).isEqualTo(Instant.parse("2026-07-03T23:00:00Z"));
        assertThat(f.groupBy()).isEqualTo("hour");
        assertThat(f.channels()).containsExactly("CHAT");
    }

    @Test
    void anAnswerBecomesBarsSlicesAndHeadlineFigures() {
        vm.refresh().execute();
        assertThat(vm.hours()).extracting(AnalyticsViewModel.HourRow::label).containsExactly("15:00");
        assertThat(vm.hours().get(0).closed()).isEqualTo(4);
        assertThat(vm.supervisors()).containsExactly(
                new AnalyticsViewModel.SupervisorRow("acme:supervisor1", "Supervisor One", 2.0, 0.5, 1.0));
        assertThat(vm.reasonMix()).containsExactly(new AnalyticsViewModel.ReasonRow("Refund", 6),
                new AnalyticsViewModel.ReasonRow("(no reason)", 1));
        assertThat(vm.knownReasons()).containsExactly("Refund");
        assertThat(vm.headline()).contains("7|help requests", "25 %|cancelled", "12 s / 75 s|to accept p50 / p90",
                "80 %|within 60 s", "2|waited over 60 s", "4 min|supervisor time",
                "—|had a supervisor");
        assertThat(vm.status().get()).isEqualTo("Updated 16:00:00 · refreshes on its own while open");
    }

    @Test
    void aBarOpensTheAuditSearchOfItsHourOrItsSupervisorsModeAndASliceFiltersByReason() {
        vm.refresh().execute();
        vm.drillHour(Instant.parse("2026-07-01T14:00:00Z"));
        assertThat(audits.get(0)).isEqualTo(new ActionFilter(null, null, null, null, null,
                Instant.parse("2026-07-01T14:00:00Z"), Instant.parse("2026-07-01T15:00:00Z"), null, null));
        vm.drillSupervisor("acme:supervisor1", ActionType.BARGE_IN);
        assertThat(audits.get(1)).isEqualTo(new ActionFilter("acme:supervisor1", null, null, null,
                ActionType.BARGE_IN, Instant.parse("2026-06-30T23:00:00Z"), Instant.parse("2026-07-01T23:00:00Z"),
                null, null));
        vm.drillReason("Refund");
        assertThat(asked.get(1).reasons()).containsExactly("Refund");
        vm.drillReason("Refund");
        assertThat(asked.get(2).reasons()).isEmpty();
    }

    @Test
    void aDayPickedWhileALoadIsInFlightIsLoadedOnceThatEndsAndTheOlderAnswerIsNotShown() {
        List<CompletableFuture<AnalyticsViewModel.Figures>> pending = new ArrayList<>();
        List<AnalyticsFilter> slowAsked = new ArrayList<>();
        AnalyticsViewModel slow = new AnalyticsViewModel(new AnalyticsViewModel.AnalyticsSource() {
            @Override
            public CompletableFuture<AnalyticsViewModel.Figures> load(AnalyticsFilter filter) {
                slowAsked.add(filter);
                CompletableFuture<AnalyticsViewModel.Figures> f = new CompletableFuture<>();
                pending.add(f);
                return f;
            }

            @Override
            public CompletableFuture<Long> export(AnalyticsFilter filter, Path target) {
                return CompletableFuture.completedFuture(0L);
            }
        }, UiThread.direct(), ZONE, LocalDate.of(2026, 7, 1), audits::add);
        slow.reload(); // the window's first load, still on its way
        slow.from().set(LocalDate.of(2026, 2, 3));
        slow.to().set(LocalDate.of(2026, 2, 3));
        assertThat(pending).hasSize(1); // one load at a time

        pending.get(0).complete(figures());
        assertThat(slow.headline()).as("today's figures answer a question no longer asked").isEmpty();
        assertThat(pending).hasSize(2);
        assertThat(slowAsked.get(1).from()).isEqualTo(Instant.parse("2026-02-03T00:00:00Z")); // Lisbon: UTC in February

        pending.get(1).complete(figures());
        assertThat(slow.headline()).contains("7|help requests");
        assertThat(pending).hasSize(2);

        slow.to().set(LocalDate.of(2026, 2, 4)); // while that load fails
        slow.from().set(LocalDate.of(2026, 2, 4));
        pending.get(2).completeExceptionally(new IllegalStateException("the range is too long"));
        assertThat(pending).as("a failed load of an older question is asked again").hasSize(4);
        assertThat(slowAsked.get(3).from()).isEqualTo(Instant.parse("2026-02-04T00:00:00Z"));
        assertThat(slow.error().get()).isEmpty();
    }

    private static AnalyticsViewModel.Figures figures() {
        var hour = new HelpRequestAnalyticsDto.Figures("2026-07-01T14:00:00Z", null, 7, 4, 1, 2, 0.2, 5, 12.0, 75.0,
                75.0, 0.8, 2, 0, 3, 7 / 3.0);
        var total = new HelpRequestAnalyticsDto.Figures(null, null, 7, 3, 1, 3, 0.25, 5, 12.0, 75.0, 75.0, 0.8, 2, 0, 3,
                7 / 3.0);
        var byHour = new HelpRequestAnalyticsDto(AS_OF, AS_OF, "hour", AS_OF, 60, false, total, List.of(hour));
        var byReason = new HelpRequestAnalyticsDto(AS_OF, AS_OF, "reason", AS_OF, 60, false, total, List.of(
                new HelpRequestAnalyticsDto.Figures("Refund", null, 6, 3, 1, 2, 0.25, 4, 12.0, 75.0, 75.0, 0.8, 2, 0, 3,
                        2.0),
                new HelpRequestAnalyticsDto.Figures(null, null, 1, 0, 0, 1, null, 1, 12.0, 12.0, 12.0, 1.0, 0, 0, 1,
                        1.0)));
        var sup = new InterventionAnalyticsDto.Figures("acme:supervisor1", "Supervisor One",
                new InterventionAnalyticsDto.Mode(2, 120, 60.0), new InterventionAnalyticsDto.Mode(1, 30, 30.0),
                new InterventionAnalyticsDto.Mode(1, 60, 60.0), 1, null, null, null);
        var bySupervisor = new InterventionAnalyticsDto(AS_OF, AS_OF, "supervisor", AS_OF, false, sup, List.of(sup));
        return new AnalyticsViewModel.Figures(byHour, byReason, bySupervisor);
    }
}
