package io.huddle.console;

import io.huddle.client.ActionFilter;
import io.huddle.client.AnalyticsFilter;
import io.huddle.client.GatewayClient;
import io.huddle.client.SignedIn;
import io.huddle.ui.FxBridge;
import io.huddle.ui.UiThread;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.stage.Stage;

/**
 * One analytics window with its own REST client, worker thread and refresh timer, all closed with the window.
 */
public final class AnalyticsApp {
    /** How often the open window asks for fresh figures. */
    static final Duration REFRESH_EVERY = Duration.ofSeconds(30);

    private AnalyticsApp() {
    }

    /** Opens the window; {@code openAudit} opens the audit search with a filter (a drill-down). */
    public static void open(Stage stage, SignedIn session, Consumer<ActionFilter> openAudit) {
        GatewayClient client = new GatewayClient(session);
        ExecutorService io = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "huddle-analytics");
            t.setDaemon(true);
            return t;
        });
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "huddle-analytics-refresh");
            t.setDaemon(true);
            return t;
        });
        FxBridge<Runnable> bridge = new FxBridge<>(batch -> batch.forEach(Runnable::run));
        AnalyticsViewModel.AnalyticsSource source = new AnalyticsViewModel.AnalyticsSource() {
            @Override
            public CompletableFuture<AnalyticsViewModel.Figures> load(AnalyticsFilter filter) {
                return CompletableFuture.supplyAsync(() -> new AnalyticsViewModel.Figures(
                        client.helpRequestAnalytics(filter), client.helpRequestAnalytics(filter.groupedBy("reason")),
                        client.interventionAnalytics(filter.groupedBy("supervisor"))), io);
            }

            @Override
            public CompletableFuture<Long> export(AnalyticsFilter filter, Path target) {
                return CompletableFuture.supplyAsync(() -> client.exportHelpRequestAnalyticsCsv(filter, target), io);
            }
        };
        UiThread ui = UiThread.of(bridge);
        ZoneId zone = ZoneId.systemDefault();
        AnalyticsViewModel vm = new AnalyticsViewModel(source, ui, zone, LocalDate.now(zone), openAudit);
        new AnalyticsWindow(stage, vm);
        bridge.start();
        vm.reload();
        timer.scheduleWithFixedDelay(() -> ui.post(() -> vm.refresh().execute()), REFRESH_EVERY.toSeconds(),
                REFRESH_EVERY.toSeconds(), TimeUnit.SECONDS);
        stage.setOnHidden(e -> {
            timer.shutdownNow();
            bridge.stop();
            io.shutdownNow();
            client.close();
        });
        stage.show();
    }
}
