package io.huddle.console;

import io.huddle.ui.UiThread;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tray's arrivals (new requests, reminders, escalations to me) as desktop notifications while the
 * console is not the focused window. Like the in-app notice, one bubble at a time: what arrives while it
 * shows joins it ("3 new help requests") by replacing it; a request that stops waiting leaves it, and the
 * last one closes it. Activating the bubble selects its request. The tray is read on the FX thread; the
 * sink is called, in order, on the one thread this object owns.
 */
public final class DesktopNotices implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopNotices.class);

    private final TrayViewModel tray;
    private final ObservableBooleanValue focused;
    private NotificationSink sink; // the calls' thread: null until connected, and when there is none
    private final UiThread ui;
    private final BooleanProperty enabled = new SimpleBooleanProperty(true);
    private final List<TrayItem> shown = new ArrayList<>(); // FX thread
    private final ExecutorService calls = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "huddle-desktop-notices");
        t.setDaemon(true);
        return t;
    });
    private long bubble; // the calls' thread: the id of the bubble showing, 0 when none
    private Consumer<TrayItem> onActivated = item -> { };

    /**
     * @param focused whether the console's window has the focus (its stage's focusedProperty)
     * @param connect connects to the desktop's notification service, on this object's thread (it may block);
     *                empty when there is none (it says why in the log)
     * @param ui      where the service's signals cross into the FX thread
     */
    public DesktopNotices(TrayViewModel tray, ObservableBooleanValue focused,
                          Supplier<Optional<NotificationSink>> connect, UiThread ui) {
        this.tray = tray;
        this.focused = focused;
        this.ui = ui;
        call(() -> connected(connect.get().orElse(null)));
        tray.arrivals().addListener((ListChangeListener<TrayItem>) c -> {
            while (c.next()) {
                if (c.wasAdded()) {
                    arrived(List.copyOf(c.getAddedSubList()));
                }
            }
        });
        tray.items().addListener((ListChangeListener<TrayItem>) c -> {
            boolean gone = false;
            while (c.next()) {
                gone |= c.wasRemoved() && shown.removeAll(c.getRemoved());
            }
            if (gone) {
                showLessOrClose();
            }
        });
        // the in-app notice serves once the console is in front; the desktop's would only repeat it
        focused.addListener((o, was, now) -> {
            if (now) {
                withdraw();
            }
        });
        enabled.addListener((o, was, now) -> {
            if (!now) {
                withdraw();
            }
        });
    }

    /** On the calls' thread: the service's signals about the bubble showing. */
    private void connected(NotificationSink service) {
        sink = service;
        if (service == null) {
            return;
        }
        service.onActivated(id -> call(() -> {
            if (id == bubble) {
                bubble = 0;
                ui.post(this::activated);
            }
        }));
        service.onClosed(id -> call(() -> {
            if (id == bubble) {
                bubble = 0;
                ui.post(shown::clear);
            }
        }));
    }

    /** Called on the FX thread with the request of an activated bubble (the console shows it in the tray). */
    public void onActivated(Consumer<TrayItem> listener) {
        this.onActivated = listener;
    }

    /** The supervisor's setting: off, no desktop notifications (on by default). */
    public BooleanProperty enabled() {
        return enabled;
    }

    private void arrived(List<TrayItem> items) {
        if (focused.get() || !enabled.get()) {
            return;
        }
        items.stream().filter(tray.items()::contains).forEach(i -> {
            shown.remove(i); // a reminder moves it to the end, as the newest news
            shown.add(i);
        });
        showOrClose();
    }

    private void showOrClose() {
        if (shown.isEmpty()) {
            closeBubble();
            return;
        }
        NotificationSink.Notice notice = notice(shown);
        call(() -> bubble = sink == null ? 0 : sink.show(bubble, notice));
    }

    /** A request left the bubble: it says less, or goes with the last one. */
    private void showLessOrClose() {
        if (shown.isEmpty()) {
            closeBubble();
            return;
        }
        NotificationSink.Notice notice = notice(shown);
        call(() -> {
            if (sink != null && bubble != 0) {
                bubble = sink.update(bubble, notice);
            }
        });
    }

    private void closeBubble() {
        call(() -> {
            if (sink != null && bubble != 0) {
                sink.close(bubble);
                bubble = 0;
            }
        });
    }

    private void withdraw() {
        shown.clear();
        closeBubble();
    }

    private void activated() {
        TrayItem item = shown.stream().filter(tray.items()::contains).findFirst().orElse(null);
        shown.clear();
        if (item != null) {
            onActivated.accept(item);
        }
    }

    /** One request: who and why; several: how many, and the first few. Critical when one was escalated. */
    static NotificationSink.Notice notice(List<TrayItem> items) {
        boolean critical = items.stream().anyMatch(i -> i.request().lastStep("escalated") != null);
        if (items.size() == 1) {
            TrayItem item = items.get(0);
            String ladder = item.ladder().get();
            return new NotificationSink.Notice(item.agentName() + ": " + item.reason(),
                    (ladder == null ? "" : ladder + "\n") + item.interactionLabel(), critical);
        }
        String names = items.stream().limit(ToastViewModel.NAMES_SHOWN).map(i -> i.agentName() + ": " + i.reason())
                .collect(Collectors.joining("\n"));
        int more = items.size() - ToastViewModel.NAMES_SHOWN;
        return new NotificationSink.Notice(items.size() + " new help requests",
                names + (more > 0 ? "\nand " + more + " more" : ""), critical);
    }

    private synchronized void call(Runnable work) {
        if (calls.isShutdown()) {
            return; // closed with the console: nothing more to show
        }
        calls.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.warn("a desktop notification failed: {}", e.toString());
            }
        });
    }

    /** Closes the bubble that shows, then lets go of the desktop's service; any thread. */
    @Override
    public void close() {
        synchronized (this) {
            if (calls.isShutdown()) {
                return;
            }
            calls.execute(() -> {
                if (sink == null) {
                    return;
                }
                try {
                    if (bubble != 0) {
                        sink.close(bubble);
                    }
                } catch (RuntimeException e) {
                    LOG.warn("the desktop notification could not be closed at exit: {}", e.toString());
                } finally {
                    sink.close();
                }
            });
            calls.shutdown();
        }
        try {
            if (!calls.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.warn("desktop notifications were still being sent at exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
