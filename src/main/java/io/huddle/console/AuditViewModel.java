package io.huddle.console;

import io.huddle.client.ActionFilter;
import io.huddle.domain.ActionType;
import io.huddle.protocol.ActionDto;
import io.huddle.protocol.ListBody;
import io.huddle.ui.AsyncCommand;
import io.huddle.ui.UiThread;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The audit search: filters, a page of results with "load more", and CSV export to a file. */
public final class AuditViewModel {

    /** Where searches and exports go (the gateway's REST API, off the UI thread). */
    public interface AuditSource {
        CompletableFuture<ListBody<ActionDto>> search(ActionFilter filter);

        /** Writes every action the filter matches to {@code target} as CSV; answers the bytes written. */
        CompletableFuture<Long> export(ActionFilter filter, Path target);
    }

    private final AuditSource source;
    private final ZoneId zone;
    private final StringProperty supervisor = new SimpleStringProperty("");
    private final StringProperty agent = new SimpleStringProperty("");
    private final StringProperty interaction = new SimpleStringProperty("");
    private final StringProperty helpRequest = new SimpleStringProperty("");
    private final ObjectProperty<ActionType> action = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObservableList<ActionDto> results = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Set filters and search.");
    private final SimpleBooleanProperty hasMore = new SimpleBooleanProperty(false);
    private final AsyncCommand<ListBody<ActionDto>> search;
    private final AsyncCommand<ListBody<ActionDto>> more;
    private final AsyncCommand<Long> export;
    private String nextCursor;
    private long searches;
    private ActionFilter lastFilter;
    private Path exportTarget;
    private Instant exactFrom;
    private Instant exactTo;

    public AuditViewModel(AuditSource source, UiThread ui, ZoneId zone) {
        this.source = source;
        this.zone = zone;
        SimpleBooleanProperty always = new SimpleBooleanProperty(true);
        // a range finer than days (a drill-down) holds until a person changes a date
        from.addListener((o, a, n) -> exactFrom = null);
        to.addListener((o, a, n) -> exactTo = null);
        search = new AsyncCommand<>("Search", ui, always, () -> {
            searches++;
            lastFilter = filter();
            return source.search(lastFilter);
        }, page -> {
            results.setAll(page.items());
            page(page);
        });
        // the next page belongs to the search shown: not while a new one is on its way, nor after it
        long[] pageOf = new long[1];
        more = new AsyncCommand<>("Load more", ui, hasMore.and(search.running().not()), () -> {
            pageOf[0] = searches;
            return source.search(lastFilter.withCursor(nextCursor));
        }, page -> {
            if (pageOf[0] == searches) {
                results.addAll(page.items());
                page(page);
            }
        });
        export = new AsyncCommand<>("Export", ui, always, () -> source.export(filter(), exportTarget),
                bytes -> summary.set("Exported the matching actions to " + exportTarget + " (" + bytes + " bytes)."));
    }

    private void page(ListBody<ActionDto> page) {
        nextCursor = page.nextCursor();
        hasMore.set(nextCursor != null);
        summary.set(results.size() + (hasMore.get() ? "+ actions (load more for the rest)" : " actions"));
    }

    /**
     * Fills the fields from {@code preset} (a drill-down from the analytics) and searches. Its range may be finer
     * than whole days: it holds until a date is changed.
     */
    public void searchFor(ActionFilter preset) {
        supervisor.set(preset.supervisorId() == null ? "" : preset.supervisorId());
        agent.set(preset.agentId() == null ? "" : preset.agentId());
        interaction.set(preset.interactionId() == null ? "" : preset.interactionId());
        helpRequest.set(preset.helpRequestId() == null ? "" : preset.helpRequestId());
        action.set(preset.action());
        from.set(preset.from() == null ? null : preset.from().atZone(zone).toLocalDate());
        to.set(preset.to() == null ? null : preset.to().minusMillis(1).atZone(zone).toLocalDate());
        exactFrom = preset.from();
        exactTo = preset.to();
        search.execute();
    }

    /** The filter as the fields say now; dates are whole local days, "to" inclusive. */
    public ActionFilter filter() {
        Instant start = exactFrom != null ? exactFrom
                : from.get() == null ? null : from.get().atStartOfDay(zone).toInstant();
        Instant end = exactTo != null ? exactTo
                : to.get() == null ? null : to.get().plusDays(1).atStartOfDay(zone).toInstant();
        return new ActionFilter(blank(supervisor.get()), blank(agent.get()), blank(interaction.get()),
                blank(helpRequest.get()), action.get(), start, end, 200, null);
    }

    /** Exports everything the filters match to the file the person picked. */
    public void exportTo(Path target) {
        exportTarget = target;
        export.execute();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public StringProperty supervisor() {
        return supervisor;
    }

    public StringProperty agent() {
        return agent;
    }

    public StringProperty interaction() {
        return interaction;
    }

    public StringProperty helpRequest() {
        return helpRequest;
    }

    public ObjectProperty<ActionType> action() {
        return action;
    }

    public ObjectProperty<LocalDate> from() {
        return from;
    }

    public ObjectProperty<LocalDate> to() {
        return to;
    }

    public ObservableList<ActionDto> results() {
        return results;
    }

    public ReadOnlyStringProperty summary() {
        return summary.getReadOnlyProperty();
    }

    public AsyncCommand<ListBody<ActionDto>> search() {
        return search;
    }

    public AsyncCommand<ListBody<ActionDto>> more() {
        return more;
    }

    public AsyncCommand<Long> export() {
        return export;
    }

    /** The first error of any command, for one error line. */
    public javafx.beans.binding.StringBinding error() {
        return Bindings.createStringBinding(() -> first(search.error().get(), more.error().get(),
                export.error().get()), search.error(), more.error(), export.error());
    }

    private static String first(String... s) {
        for (String x : s) {
            if (x != null && !x.isEmpty()) {
                return x;
            }
        }
        return "";
    }
}
