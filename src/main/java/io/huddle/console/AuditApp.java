package io.huddle.console;

import io.huddle.client.ActionFilter;
import io.huddle.client.GatewayClient;
import io.huddle.client.SignedIn;
import io.huddle.protocol.ActionDto;
import io.huddle.protocol.ListBody;
import io.huddle.ui.FxBridge;
import io.huddle.ui.UiThread;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.stage.Stage;

/**
 * One audit search window with its own REST client and worker thread, both closed with the window.
 */
public final class AuditApp {
    private AuditApp() {
    }

    public static void open(Stage stage, SignedIn session) {
        open(stage, session, null);
    }

    /** Opens the window searching at once with {@code preset} (a drill-down), unless it is null. */
    public static void open(Stage stage, SignedIn session, ActionFilter preset) {
        GatewayClient client = new GatewayClient(session);
        ExecutorService io = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "huddle-audit");
            t.setDaemon(true);
            return t;
        });
        FxBridge<Runnable> bridge = new FxBridge<>(batch -> batch.forEach(Runnable::run));
        AuditViewModel.AuditSource source = new AuditViewModel.AuditSource() {
            @Override
            public CompletableFuture<ListBody<ActionDto>> search(ActionFilter filter) {
                return CompletableFuture.supplyAsync(() -> client.searchActions(filter), io);
            }

            @Override
            public CompletableFuture<Long> export(ActionFilter filter, Path target) {
                return CompletableFuture.supplyAsync(() -> client.exportActionsCsv(filter, target), io);
            }
        };
        AuditViewModel vm = new AuditViewModel(source, UiThread.of(bridge), ZoneId.systemDefault());
        new AuditWindow(stage, vm);
        bridge.start();
        if (preset != null) {
            vm.searchFor(preset);
        }
        stage.setOnHidden(e -> {
            bridge.stop();
            io.shutdownNow();
            client.close();
        });
        stage.show();
    }
}
