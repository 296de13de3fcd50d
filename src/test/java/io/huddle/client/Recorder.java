package io.huddle.client;

import io.huddle.protocol.stream.ServerFrame;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A listener for tests: records every call, the threads they came on, and keeps a FloorState. */
final class Recorder implements StreamListener {
    /** One numbered event as received. */
    record Event(long seq, String type, ServerFrame.Event frame) {
    }

    final FloorState floor = new FloorState();
    final FloorFeed feed = new FloorFeed(floor, c -> { }, s -> { });
    final List<String> log = new CopyOnWriteArrayList<>();
    final List<ServerFrame.Welcome> welcomes = new CopyOnWriteArrayList<>();
    final List<Long> snapshots = new CopyOnWriteArrayList<>();
    final List<Event> events = new CopyOnWriteArrayList<>();
    final List<ConnectionStatus> statuses = new CopyOnWriteArrayList<>();
    final List<String> serverErrors = new CopyOnWriteArrayList<>();
    final Set<String> threads = ConcurrentHashMap.newKeySet();
    final AtomicInteger inside = new AtomicInteger();
    final AtomicInteger overlaps = new AtomicInteger();

    private void enter(String what) {
        if (inside.incrementAndGet() > 1) {
            overlaps.incrementAndGet();
        }
        threads.add(Thread.currentThread().getName());
        log.add(what);
    }

    private void leave() {
        inside.decrementAndGet();
    }

    @Override
    public void onWelcome(ServerFrame.Welcome welcome) {
        enter("welcome resumed=" + welcome.resumed());
        welcomes.add(welcome);
        feed.onWelcome(welcome);
        leave();
    }

    @Override
    public void onSnapshot(ServerFrame.Snapshot snapshot) {
        enter("snapshot " + snapshot.seq());
        snapshots.add(snapshot.seq());
        try {
            feed.onSnapshot(snapshot);
        } finally {
            leave();
        }
    }

    @Override
    public void onEvent(ServerFrame.Event event) {
        String type = ServerFrame.typeOf(event);
        enter("event " + event.seq() + " " + type);
        events.add(new Event(event.seq(), type, event));
        try {
            feed.onEvent(event);
        } finally {
            leave();
        }
    }

    @Override
    public void onStatus(ConnectionStatus status) {
        enter("status " + status.state());
        statuses.add(status);
        leave();
    }

    @Override
    public void onServerError(String code, String message) {
        enter("error " + code);
        serverErrors.add(code + ": " + message);
        leave();
    }

    ConnectionStatus.State state() {
        return statuses.isEmpty() ? null : statuses.get(statuses.size() - 1).state();
    }

    List<Long> eventSeqs() {
        return events.stream().map(Event::seq).toList();
    }

    List<ConnectionStatus.State> states() {
        return statuses.stream().map(ConnectionStatus::state).toList();
    }
}
