package io.huddle.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.client.ActionFilter;
import io.huddle.client.GatewayException;
import io.huddle.domain.ActionType;
import io.huddle.protocol.ActionDto;
import io.huddle.protocol.ListBody;
import io.huddle.ui.UiThread;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class AuditViewModelTest {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    final List<ActionFilter> searched = new ArrayList<>();
    final List<CompletableFuture<ListBody<ActionDto>>> pages = new ArrayList<>();
    final List<ActionFilter> exported = new ArrayList<>();
    final List<CompletableFuture<Long>> exports = new ArrayList<>();
    final AuditViewModel vm = new AuditViewModel(new AuditViewModel.AuditSource() {
        @Override
        public CompletableFuture<ListBody<ActionDto>> search(ActionFilter filter) {
            searched.add(filter);
            CompletableFuture<ListBody<ActionDto>> f = new CompletableFuture<>();
            pages.add(f);
            return f;
        }

        @Override
        public CompletableFuture<Long> export(ActionFilter filter, Path target) {
            exported.add(filter);
            CompletableFuture<Long> f = new CompletableFuture<>();
            exports.add(f);
            return f;
        }
    }, UiThread.direct(), NEW_YORK);

    static ListBody<ActionDto> page(String cursor, String... ids) {
        List<ActionDto> items = new ArrayList<>();
        for (String id : ids) {
            items.add(new ActionDto(id, ActionType.MONITOR, "acme:sup1", "acme:agent1", "ix1", null,
                    Instant.parse("2026-03-08T12:00:00Z"), null));
        }
        return new ListBody<>(items, cursor);
    }

    List<String> resultIds() {
        return vm.results().stream().map(ActionDto::id).toList();
    }

    @Test
    void datesAreWholeLocalDaysWithToInclusive() {
        vm.from().set(LocalDate.of(2026, 3, 8));
        vm.to().set(LocalDate.of(2026, 3, 8));
        ActionFilter f = vm.filter();
        assertThat(f.from()).isEqualTo(Instant.parse("2026-03-08T05:00:00Z"));
        assertThat(f.to()).as("a 23-hour day: clocks go forward").isEqualTo(Instant.parse("2026-03-09T04:00:00Z"));
        vm.from().set(null);
        vm.to().set(LocalDate.of(2026, 11, 1));
        assertThat(vm.filter().from()).isNull();
        assertThat(vm.filter().to()).isEqualTo(Instant.parse("2026-11-02T05:00:00Z"));
    }

    @Test
    void blankFieldsAreNoFilterAndTheOthersAreTrimmed() {
        vm.supervisor().set("  acme:sup1 ");
        vm.agent().set("   ");
        vm.interaction().set("ix1");
        vm.action().set(ActionType.BARGE_IN);
        ActionFilter f = vm.filter();
        assertThat(f).isEqualTo(new ActionFilter("acme:sup1", null, "ix1", null, ActionType.BARGE_IN, null, null,
                200, null));
    }

    @Test
    void searchReplacesTheResultsAndLoadMoreAppendsTheNextPage() {
        vm.agent().set("acme:agent1");
        vm.search().execute();
        pages.get(0).complete(page("c1", "a1", "a2"));
        assertThat(resultIds()).containsExactly("a1", "a2");
        assertThat(vm.more().executable().get()).isTrue();
        assertThat(vm.summary().get()).isEqualTo("2+ actions (load more for the rest)");

        vm.agent().set("acme:someone-else");
        vm.more().execute();
        assertThat(searched.get(1)).as("the last search's filter from its cursor")
                .isEqualTo(searched.get(0).withCursor("c1"));
        pages.get(1).complete(page(null, "a3"));
        assertThat(resultIds()).containsExactly("a1", "a2", "a3");
        assertThat(vm.more().executable().get()).isFalse();
        assertThat(vm.summary().get()).isEqualTo("3 actions");

        vm.search().execute();
        assertThat(searched.get(2).agentId()).isEqualTo("acme:someone-else");
        assertThat(searched.get(2).cursor()).isNull();
        pages.get(2).complete(page(null, "b1"));
        assertThat(resultIds()).containsExactly("b1");
    }

    @Test
    void loadMoreWaitsWhileANewSearchIsInFlight() {
        vm.search().execute();
        pages.get(0).complete(page("c1", "a1"));
        vm.agent().set("acme:agent2");
        vm.search().execute();
        assertThat(vm.more().executable().get()).isFalse();
        vm.more().execute();
        assertThat(searched).hasSize(2);
        pages.get(1).complete(page("d1", "b1"));
        assertThat(vm.more().executable().get()).isTrue();

        vm.more().execute();
        vm.search().execute();
        pages.get(3).complete(page(null, "c1"));
        pages.get(2).complete(page(null, "b2"));
        assertThat(resultIds()).as("a page of the previous search is dropped").containsExactly("c1");
    }

    @Test
    void exportSendsTheFiltersAndSaysWhereTheFileIs() {
        vm.helpRequest().set("h1");
        Path file = Path.of("/tmp/audit.csv");
        vm.exportTo(file);
        assertThat(exported).containsExactly(vm.filter());
        assertThat(vm.export().running().get()).isTrue();
        exports.get(0).complete(5321L);
        assertThat(vm.summary().get()).isEqualTo("Exported the matching actions to " + file + " (5321 bytes).");
    }

    @Test
    void failuresAreOneErrorLineAndKeepTheResults() {
        vm.search().execute();
        pages.get(0).complete(page("c1", "a1"));
        vm.more().execute();
        pages.get(1).completeExceptionally(new GatewayException(400, "bad_request", "cursor is not valid"));
        assertThat(vm.error().get()).isEqualTo("Load more failed: cursor is not valid");
        assertThat(resultIds()).containsExactly("a1");
        vm.exportTo(Path.of("/nowhere/x.csv"));
        exports.get(0).completeExceptionally(new IllegalStateException("the export could not be written"));
        assertThat(vm.error().get()).isEqualTo("Load more failed: cursor is not valid");
        vm.more().execute();
        pages.get(2).complete(page(null, "a2"));
        assertThat(vm.error().get()).isEqualTo("Export failed: the export could not be written");
    }
}
