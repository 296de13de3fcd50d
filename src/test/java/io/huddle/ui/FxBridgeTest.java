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

    @Test
    void postNowAsksForOneDrainAtOnceThatTakesEverythingQueuedInOrder() throws Exception {
        FxToolkit.registerPrimaryStage();
        List<List<String>> batches = new ArrayList<>();
        List<Runnable> asked = new ArrayList<>();
        FxBridge<String> bridge = new FxBridge<>(batches::add, asked::add);
        List<Integer> askedAfter = new ArrayList<>();
        // one FX task, so no pulse can drain in between
        FxToolkit.setupFixture(() -> {
            bridge.start();
            bridge.post("event-1");
            askedAfter.add(asked.size());
            bridge.postNow("ack-1");
            bridge.post("event-2");
            bridge.postNow("ack-2");
            askedAfter.add(asked.size());
            asked.get(0).run();
            bridge.postNow("ack-3");
            askedAfter.add(asked.size());
            bridge.stop();
            bridge.postNow("after-stop");
            askedAfter.add(asked.size());
            asked.get(1).run();
        });
        assertThat(askedAfter).containsExactly(0, 1, 2, 2);
        assertThat(batches).containsExactly(List.of("event-1", "ack-1", "event-2", "ack-2"));
        assertThat(bridge.pending()).as("nothing is kept once stopped").isZero();
    }

    @Test
    void stopReturnsOnlyAfterABatchBeingHandedOverIsDone() throws Exception {
        FxToolkit.registerPrimaryStage();
        CountDownLatch inBatch = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean handing = new java.util.concurrent.atomic.AtomicBoolean();
        FxBridge<String> bridge = new FxBridge<>(batch -> {
            handing.set(true);
            inBatch.countDown();
            try {
                letGo.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            handing.set(false);
        }, Runnable::run);
        bridge.post("event");
        Thread fx = new Thread(bridge::drain, "stands-for-the-fx-thread");
        fx.start();
        assertThat(inBatch.await(5, TimeUnit.SECONDS)).isTrue();
        java.util.concurrent.atomic.AtomicBoolean handingWhenStopped = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread closer = new Thread(() -> handingWhenStopped.set(stopAndLook(bridge, handing)), "closer");
        closer.start();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> closer.getState() == Thread.State.BLOCKED || !closer.isAlive());
        letGo.countDown();
        closer.join(5000);
        fx.join(5000);
        assertThat(handingWhenStopped).as("the batch was still being handed over when stop() returned").isFalse();
    }

    private static boolean stopAndLook(FxBridge<String> bridge, java.util.concurrent.atomic.AtomicBoolean handing) {
        bridge.stop();
        return handing.get();
    }
}
