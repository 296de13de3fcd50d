package io.huddle.console;

import io.huddle.client.ConnectionStatus;
import io.huddle.client.FloorChange;
import io.huddle.client.FloorFeed;
import io.huddle.client.FloorState;
import io.huddle.client.SignedIn;
import io.huddle.client.StreamClient;
import io.huddle.client.StreamListener;
import io.huddle.client.StreamOptions;
import io.huddle.journal.JournalSession;
import io.huddle.journal.JournalSync;
import io.huddle.ui.AsyncCommand;
import io.huddle.ui.FxBridge;
import io.huddle.ui.UiThread;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Connects a signed-in supervisor's stream to the console's view models. Stream frames are mirrored in a
 * {@link FloorState} on the client's thread; what changed crosses into the FX thread through one
 * {@link FxBridge}, merged per pulse, together with command results and connection states, in order.
 */
public final class ConsoleSession implements AutoCloseable {
    private final FloorState floor = new FloorState();
    private final FxBridge<Object> bridge = new FxBridge<>(this::drain);
    private final ConsoleViewModel vm;
    private final StreamClient stream;

    /** Builds a session that journals nothing (tests); call {@link #start()} on the FX thread to begin. */
    public ConsoleSession(SignedIn signedIn, StreamOptions options) {
        this(signedIn, options, null);
    }

    /**
     * Builds the session; every command goes through the journal when one is given (its sync status reaches
     * the status bar through {@link #journalStatus}). Call {@link #start()} on the FX thread to begin.
     */
    public ConsoleSession(SignedIn signedIn, StreamOptions options, JournalSession journal) {
        floor.setUser(signedIn.user());
        StreamListener listener = new FloorFeed(floor, bridge::post, bridge::post);
        this.stream = StreamClient.open(signedIn, listener, options);
        ConsoleGateway commands = new StreamConsoleGateway(stream, AsyncCommand.TIMEOUT);
        if (journal != null) {
            commands = new JournalingConsoleGateway(commands, journal.journal(), journal.scope(), floor);
        }
        this.vm = new ConsoleViewModel(signedIn.user().id(), signedIn.base().toString(), UiThread.of(bridge), commands);
    }

    public void start() {
        bridge.start();
    }

    private void drain(List<Object> batch) {
        List<FloorChange> changes = new ArrayList<>();
        for (Object item : batch) {
            if (item instanceof FloorChange c) {
                changes.add(c);
                continue;
            }
            flush(changes);
            if (item instanceof ConnectionStatus s) {
                vm.connection().update(s.state().name(), s.nextAttemptAt(), s.attempt(), s.detail(), Instant.now());
            } else if (item instanceof JournalSync.Status s) {
                vm.journal().update(JournalViewModel.Shown.valueOf(s.state().name()), s.waiting(), s.detail(),
                        s.nextAttemptAt(), Instant.now());
            } else if (item instanceof Runnable r) {
                r.run();
            }
        }
        flush(changes);
    }

    private void flush(List<FloorChange> changes) {
        if (!changes.isEmpty()) {
            vm.apply(ConsoleViewModel.merge(changes));
            changes.clear();
        }
    }

    /** Where the journal's sync reports its status (any thread): it reaches the status bar once per pulse. */
    public void journalStatus(JournalSync.Status status) {
        bridge.post(status);
    }

    public ConsoleViewModel viewModel() {
        return vm;
    }

    public FxBridge<Object> bridge() {
        return bridge;
    }

    /** Stops updates to the view and closes the stream, waiting for its threads (a few seconds at most): any thread. */
    @Override
    public void close() {
        bridge.stop();
        stream.close();
    }
}
