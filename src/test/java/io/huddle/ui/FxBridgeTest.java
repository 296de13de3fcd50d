package io.huddle.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

class FxBridgeTest {

    @Test
    void itemsPostedFromManyThreadsArriveOnTheFxThreadInFewBatches() throws Exception {
        FxToolkit.registerPrimaryStage();
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        List<Boolean> onFx = new CopyOnWriteArrayList<>();
        CountDownLatch all = new CountDownLatch(1);
        FxBridge<Integer> bridge = new FxBridge<>(batch -> {
            onFx.add(Platform.isFxApplicationThread());
            batches.add(batch);
            if (batches.stream().mapToInt(List::size).sum() == 4000) {
                all.countDown();
            }
        });
        Platform.runLater(bridge::start);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int base = t * 1000;
            Thread th = new Thread(() -> {
                for (int i = 0; i < 1000; i++) {
                    bridge.post(base + i);
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
        Platform.runLater(bridge::stop);
        assertThat(onFx).containsOnly(true);
        assertThat(batches.size()).isLessThan(4000 / 10);
        assertThat(batches.stream().flatMap(List::stream).distinct().count()).isEqualTo(4000);
    }
}
