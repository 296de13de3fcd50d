package io.huddle.console;

import io.huddle.domain.Channel;
import io.huddle.protocol.InteractionDto;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The live list of interactions in the supervisor's scope, with its filters and per-channel counts.
 * Rows are kept by id and updated in place; a fresh snapshot replaces the set (no ghost rows).
 */
public final class FloorViewModel {
    private final String myId;
    private final ObservableList<InteractionRow> rows = FXCollections.observableArrayList();
    private final Map<String, InteractionRow> byId = new HashMap<>();
    private final FilteredList<InteractionRow> visible = new FilteredList<>(rows);
    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<Channel> channel = new SimpleObjectProperty<>();
    private final StringProperty queue = new SimpleStringProperty();
    private final BooleanProperty helpOnly = new SimpleBooleanProperty(false);
    private final ObservableList<String> queues = FXCollections.observableArrayList();
    private final Map<Channel, ReadOnlyIntegerWrapper> counts = new HashMap<>();
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper helpCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(Instant.now());
    // running tallies, kept as rows come, change and go (a recount of 10,000 rows per pulse was the hot spot)
    private final int[] perChannel = new int[Channel.values().length];
    private final Map<String, Integer> perQueue = new HashMap<>();
    private int helpTally;
    private boolean queuesChanged;

    public FloorViewModel(String myId) {
        this.myId = myId;
        for (Channel c : Channel.values()) {
            counts.put(c, new ReadOnlyIntegerWrapper());
        }
        text.addListener((o, a, b) -> refilter());
        channel.addListener((o, a, b) -> refilter());
        queue.addListener((o, a, b) -> refilter());
        helpOnly.addListener((o, a, b) -> refilter());
    }

    /** Replaces everything with a fresh snapshot. */
    public void replaceAll(List<InteractionDto> interactions) {
        Set<String> keep = new HashSet<>();
        for (InteractionDto i : interactions) {
            keep.add(i.id());
            upsertQuietly(i);
        }
        rows.removeIf(r -> {
            if (keep.contains(r.id())) {
                return false;
            }
            tally(r, -1);
            return true;
        });
        byId.keySet().retainAll(keep);
        recount();
    }

    public void upsert(InteractionDto interaction) {
        upsertQuietly(interaction);
        recount();
    }

    /** Applies many changes and recounts once. */
    public void applyBatch(List<InteractionDto> upserts, List<String> removals) {
        upserts.forEach(this::upsertQuietly);
        if (!removals.isEmpty()) {
            List<InteractionRow> gone = new ArrayList<>();
            for (String id : removals) {
                InteractionRow r = byId.remove(id);
                if (r != null) {
                    gone.add(r);
                    tally(r, -1);
                }
            }
            if (gone.size() <= 8) {
                gone.forEach(rows::remove); // a scan of references each, not a hash of every row's id
            } else {
                Set<InteractionRow> set = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                set.addAll(gone);
                rows.removeIf(set::contains);
            }
        }
        recount();
    }

    public void remove(String interactionId) {
        InteractionRow r = byId.remove(interactionId);
        if (r != null) {
            tally(r, -1);
            rows.remove(r);
            recount();
        }
    }

    private void upsertQuietly(InteractionDto i) {
        InteractionRow r = byId.get(i.id());
        if (r == null) {
            r = new InteractionRow(i, myId);
            byId.put(i.id(), r);
            tally(r, +1);
            rows.add(r);
        } else {
            boolean wasVisible = visible.getPredicate() == null || visible.getPredicate().test(r);
            tally(r, -1);
            r.update(i, myId);
            tally(r, +1);
            boolean isVisible = visible.getPredicate() == null || visible.getPredicate().test(r);
            if (wasVisible != isVisible) {
                refilter();
            }
        }
    }

    /** Counts a row in (+1) or out (-1) of the tallies. */
    private void tally(InteractionRow r, int sign) {
        Channel c = r.channelProperty().get();
        if (c != null) {
            perChannel[c.ordinal()] += sign;
        }
        if (r.helpRequestedProperty().get()) {
            helpTally += sign;
        }
        String q = r.queueProperty().get();
        if (q != null) {
            int n = perQueue.merge(q, sign, Integer::sum);
            if (n <= 0) {
                perQueue.remove(q);
                queuesChanged = true;
            } else if (n == 1 && sign > 0) {
                queuesChanged = true;
            }
        }
    }

    /** Publishes the tallies once per batch: no listener hears the intermediate counts. */
    private void recount() {
        for (Channel c : Channel.values()) {
            counts.get(c).set(perChannel[c.ordinal()]);
        }
        total.set(rows.size());
        helpCount.set(helpTally);
        if (queuesChanged) {
            queuesChanged = false;
            List<String> qs = List.copyOf(new TreeSet<>(perQueue.keySet()));
            if (!queues.equals(qs)) {
                queues.setAll(qs);
            }
        }
    }

    private void refilter() {
        TextQuery query = TextQuery.of(text.get());
        Channel ch = channel.get();
        String q = queue.get();
        boolean help = helpOnly.get();
        visible.setPredicate(r -> (query.isEmpty() || r.matches(query))
                && (ch == null || r.channelProperty().get() == ch)
                && (q == null || q.equals(r.queueProperty().get()))
                && (!help || r.helpRequestedProperty().get()));
    }

    /** Advances the clock the durations are measured against; the view calls it once a second. */
    public void tick(Instant at) {
        now.set(at);
    }

    public InteractionRow row(String id) {
        return byId.get(id);
    }

    public ObservableList<InteractionRow> visibleRows() {
        return visible;
    }

    public int size() {
        return rows.size();
    }

    public StringProperty textFilter() {
        return text;
    }

    public ObjectProperty<Channel> channelFilter() {
        return channel;
    }

    public StringProperty queueFilter() {
        return queue;
    }

    public BooleanProperty helpOnlyFilter() {
        return helpOnly;
    }

    public ObservableList<String> queues() {
        return queues;
    }

    public ReadOnlyIntegerProperty count(Channel c) {
        return counts.get(c).getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty total() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty helpCount() {
        return helpCount.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> now() {
        return now.getReadOnlyProperty();
    }
}
