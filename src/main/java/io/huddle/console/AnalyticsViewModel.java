package io.huddle.console;

import io.huddle.client.ActionFilter;
import io.huddle.client.AnalyticsFilter;
import io.huddle.domain.ActionType;
import io.huddle.protocol.HelpRequestAnalyticsDto;
import io.huddle.protocol.InterventionAnalyticsDto;
import io.huddle.ui.AsyncCommand;
import io.huddle.ui.UiThread;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The analytics window: a range of local days and filters; per hour the requests by outcome and the time to
 * accept against the service level; intervention time by mode per supervisor; the reason mix; headline figures.
 * A bar opens the audit search of what it counts. Figures are defined in docs/analytics.md.
 */
public final class AnalyticsViewModel {
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:00");
    private static final DateTimeFormatter DAY_HOUR = DateTimeFormatter.ofPattern("EEE HH:00");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** Where figures come from (the gateway's REST API, off the UI thread). */
    public interface AnalyticsSource {
        CompletableFuture<Figures> load(AnalyticsFilter filter);

        /** Writes the help-request figures per hour as CSV to {@code target}; answers the bytes written. */
        CompletableFuture<Long> export(AnalyticsFilter filter, Path target);
    }

    /** What one refresh brings: help requests per hour and per reason, interventions per supervisor. */
    public record Figures(HelpRequestAnalyticsDto byHour, HelpRequestAnalyticsDto byReason,
                          InterventionAnalyticsDto bySupervisor) {
    }

    /** One hour's bar and points; {@code hour} is its start. */
    public record HourRow(Instant hour, String label, long closed, long cancelled, long open, Double p50Seconds,
                          Double p90Seconds) {
    }

    /** One supervisor's intervention minutes by mode. */
    public record SupervisorRow(String supervisorId, String label, double monitorMinutes, double coachMinutes,
                                double bargeInMinutes) {
    }

    /** One slice of the reason mix. */
    public record ReasonRow(String reason, long requests) {
    }

    private final AnalyticsSource source;
    private final ZoneId zone;
    private final Consumer<ActionFilter> openAudit;
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObservableList<String> channels = FXCollections.observableArrayList();
    private final ObservableList<String> reasons = FXCollections.observableArrayList();
    private final ObservableList<String> knownReasons = FXCollections.observableArrayList();
    private final ObservableList<HourRow> hours = FXCollections.observableArrayList();
    private final ObservableList<SupervisorRow> supervisors = FXCollections.observableArrayList();
    private final ObservableList<ReasonRow> reasonMix = FXCollections.observableArrayList();
    private final ObservableList<String> headline = FXCollections.observableArrayList();
    private final SimpleObjectProperty<Double> serviceLevelSeconds = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Loading…");
    private final AsyncCommand<Loaded> refresh;
    /** Counts the loads asked for; an answer to an older ask than the last is not shown, and the last is loaded. */
    private long asked;
    private long loading;
    private final AsyncCommand<Long> export;
    private Instant rangeStart;
    private Instant rangeEnd;
    private Path exportTarget;
    private LocalDate today;

    public AnalyticsViewModel(AnalyticsSource source, UiThread ui, ZoneId zone, LocalDate today,
                              Consumer<ActionFilter> openAudit) {
        this.source = source;
        this.zone = zone;
        this.openAudit = openAudit;
        this.today = today;
        from.set(today);
        to.set(today);
        SimpleBooleanProperty always = new SimpleBooleanProperty(true);
        refresh = new AsyncCommand<>("Refresh", ui, always, () -> {
            long ask = asked;
            loading = ask;
            return source.load(filter("hour")).thenApply(f -> new Loaded(ask, f));
        }, this::show).afterEach(this::askAgainIfChanged);
        from.addListener((o, was, now) -> reload());
        to.addListener((o, was, now) -> reload());
        export = new AsyncCommand<>("Export", ui, always, () -> source.export(filter("hour"), exportTarget),
                bytes -> status.set("Exported the figures per hour to " + exportTarget + " (" + bytes + " bytes)."));
    }

    /** The query as the fields say now: whole local days, "to" inclusive. */
    public AnalyticsFilter filter(String groupBy) {
        LocalDate start = from.get() != null ? from.get() : to.get() != null ? to.get() : today;
        LocalDate end = to.get() != null ? to.get() : start;
        if (end.isBefore(start)) {
            LocalDate t = start;
            start = end;
            end = t;
        }
        rangeStart = start.atStartOfDay(zone).toInstant();
        rangeEnd = end.plusDays(1).atStartOfDay(zone).toInstant();
        return new AnalyticsFilter(rangeStart, rangeEnd, groupBy, Set.copyOf(channels), Set.of(), Set.copyOf(reasons),
                Set.of(), Set.of());
    }

    /** One load's figures and which ask it answered. */
    public record Loaded(long ask, Figures figures) {
    }

    /**
     * Loads the figures as the fields say now. Asked while a load is in flight (a date picked, a filter checked,
     * the timer), it loads once more when that one ends, so what the window shows always matches its fields.
     */
    public void reload() {
        asked++;
        refresh.execute();
    }

    private void askAgainIfChanged() {
        if (loading < asked) {
            refresh.execute(); // the fields changed while it was loading: ask again, as they say now
        }
    }

    private void show(Loaded loaded) {
        if (loaded.ask() < asked) {
            return; // an answer to an older question: the fields changed while it was loading
        }
        Figures f = loaded.figures();
        // one day: just the hour; several: the weekday too
        DateTimeFormatter hourLabel = java.time.Duration.between(f.byHour().from(), f.byHour().to()).toHours() <= 25
                ? HOUR : DAY_HOUR;
        hours.setAll(f.byHour().groups().stream().map(g -> new HourRow(Instant.parse(g.key()),
                hourLabel.format(Instant.parse(g.key()).atZone(zone)), g.closed(), g.cancelled(), g.open(),
                g.timeToAcceptP50Seconds(), g.timeToAcceptP90Seconds())).toList());
        supervisors.setAll(f.bySupervisor().groups().stream().map(g -> new SupervisorRow(g.key(),
                g.label() != null ? g.label() : g.key() != null ? g.key() : "—", g.monitor().totalSeconds() / 60,
                g.coach().totalSeconds() / 60, g.bargeIn().totalSeconds() / 60)).toList());
        reasonMix.setAll(f.byReason().groups().stream().map(g -> new ReasonRow(
                g.key() == null ? "(no reason)" : g.key(), g.requests())).toList());
        // only added to, so the reasons checked in the filter stay checked
        Set<String> fresh = new TreeSet<>();
        f.byReason().groups().stream().map(HelpRequestAnalyticsDto.Figures::key)
                .filter(k -> k != null && !knownReasons.contains(k)).forEach(fresh::add);
        knownReasons.addAll(fresh);
        serviceLevelSeconds.set(f.byHour().acceptWithinSeconds());
        headline.setAll(headline(f.byHour(), f.bySupervisor()));
        status.set("Updated " + CLOCK.format(f.byHour().asOf().atZone(zone)) + " · refreshes on its own while open");
    }

    private static java.util.List<String> headline(HelpRequestAnalyticsDto h, InterventionAnalyticsDto i) {
        HelpRequestAnalyticsDto.Figures t = h.total();
        InterventionAnalyticsDto.Figures v = i.total();
        double minutes = (v.monitor().totalSeconds() + v.coach().totalSeconds() + v.bargeIn().totalSeconds()) / 60;
        return java.util.List.of(
                t.requests() + "|help requests",
                percent(t.cancelRate()) + "|cancelled",
                seconds(t.timeToAcceptP50Seconds()) + " / " + seconds(t.timeToAcceptP90Seconds()) + "|to accept p50 / p90",
                percent(t.withinServiceLevel()) + "|within " + seconds(h.acceptWithinSeconds()),
                t.breaches() + "|waited over " + seconds(h.acceptWithinSeconds()),
                t.open() + "|still open",
                Math.round(minutes) + " min|supervisor time",
                percent(v.interactionShare()) + "|had a supervisor");
    }

    private static String percent(Double share) {
        return share == null ? "—" : Math.round(share * 100) + " %";
    }

    private static String seconds(Double s) {
        return s == null ? "—" : Math.round(s) + " s";
    }

    /** Opens the audit search of the actions started in one hour (a bar or point of the hourly charts). */
    public void drillHour(Instant hour) {
        openAudit.accept(new ActionFilter(null, null, null, null, null, hour, hour.plus(Duration.ofHours(1)),
                null, null));
    }

    /** Opens the audit search of one supervisor's actions of one mode in the range shown. */
    public void drillSupervisor(String supervisorId, ActionType mode) {
        filter("hour");
        openAudit.accept(new ActionFilter(supervisorId, null, null, null, mode, rangeStart, rangeEnd, null, null));
    }

    /** Narrows the figures to one reason (a slice of the reason mix), or back to all when it was the only one. */
    public void drillReason(String reason) {
        if (reasons.size() == 1 && reasons.get(0).equals(reason)) {
            reasons.clear();
        } else {
            reasons.setAll(reason);
        }
        reload();
    }

    public void exportTo(Path target) {
        exportTarget = target;
        export.execute();
    }

    /** Today only, in the window's zone; for the "Today" button. */
    public void today(LocalDate today) {
        this.today = today;
        from.set(today);
        to.set(today);
    }

    public ObjectProperty<LocalDate> from() {
        return from;
    }

    public ObjectProperty<LocalDate> to() {
        return to;
    }

    /** The channels checked in the filter (names of {@code Channel}); empty: all. */
    public ObservableList<String> channels() {
        return channels;
    }

    /** The reasons checked in the filter; empty: all. */
    public ObservableList<String> reasons() {
        return reasons;
    }

    /** Every reason seen in an answer so far, to choose from. */
    public ObservableList<String> knownReasons() {
        return knownReasons;
    }

    public ObservableList<HourRow> hours() {
        return hours;
    }

    public ObservableList<SupervisorRow> supervisors() {
        return supervisors;
    }

    public ObservableList<ReasonRow> reasonMix() {
        return reasonMix;
    }

    /** The headline figures, each "value|caption". */
    public ObservableList<String> headline() {
        return headline;
    }

    public SimpleObjectProperty<Double> serviceLevelSeconds() {
        return serviceLevelSeconds;
    }

    public ReadOnlyStringProperty status() {
        return status.getReadOnlyProperty();
    }

    /** The load in flight, for its running state and its error; start one with {@link #reload()}. */
    public AsyncCommand<Loaded> refresh() {
        return refresh;
    }

    public AsyncCommand<Long> export() {
        return export;
    }

    public StringBinding error() {
        return Bindings.createStringBinding(() -> {
            String r = refresh.error().get();
            return r != null && !r.isEmpty() ? r : export.error().get() == null ? "" : export.error().get();
        }, refresh.error(), export.error());
    }
}
