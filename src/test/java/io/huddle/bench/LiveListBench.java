package io.huddle.bench;

import io.huddle.client.SignedIn;
import io.huddle.client.StreamOptions;
import io.huddle.console.ConsoleSession;
import io.huddle.console.ConsoleWindow;
import io.huddle.console.InteractionRow;
import io.huddle.domain.InteractionState;
import io.huddle.gateway.floor.PlatformSide;
import io.huddle.settings.UserSettings;
import io.huddle.ui.Theme;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * B1, the live list: the real console (ConsoleSession: StreamClient, FloorState, FxBridge, ConsoleViewModel;
 * ConsoleWindow with its TableView) on headless JavaFX, fed by a real gateway over a real stream. The floor
 * holds {@code listInteractions} live interactions; a platform thread changes them at {@code listRate} events a
 * second through PlatformSide, as a CCaaS platform would: state changes (Active / On hold), and 1 % of the
 * time an interaction ends and a new one starts in its place.
 *
 * <p>Per pulse it measures the FX thread's time: from the first AnimationTimer of the pulse (where the
 * bridge's drain runs) until the FX thread is free again after CSS, layout and the scene-graph sync. Per
 * event it measures the latency from the moment the platform thread issued it (before the gateway wrote it)
 * to the end of the layout of the pulse in which its row changed, appeared or went: an upper bound of
 * "arrival to row shown". The backlog is the number of issued events not yet shown.
 */
final class LiveListBench implements Bench {
    static final String DOMAIN = "floor";
    static final java.util.function.Predicate<String> FX_THREAD = n -> n.equals("JavaFX Application Thread")
            || n.equals("Event Thread"); // Monocle names the FX thread "Event Thread"
    static final java.util.function.Predicate<String> RENDER_THREAD = n -> n.startsWith("QuantumRenderer");
    /** The in-process gateway's threads: its platform thread, Jetty, the stream hub's sender and ticker. */
    static final java.util.function.Predicate<String> GATEWAY_THREAD = n -> n.equals("bench-platform")
            || n.startsWith("JettyServerThreadPool") || n.startsWith("huddle-stream-send-")
            || n.equals("huddle-stream-ticker");
    static final java.util.function.Predicate<String> CLIENT_THREAD = n -> n.startsWith("huddle-stream-")
            && !n.equals("huddle-stream-ticker") && !n.startsWith("huddle-stream-send-");
    static final int CHURN_EVERY = Integer.getInteger("bench.churnEvery", 100); // one end + one start per 100 events

    @Override
    public String id() {
        return "B1";
    }

    @Override
    public String title() {
        return "live list (console view model + TableView, headless)";
    }

    @Override
    public BenchResult run(BenchSize size, Path dir) throws Exception {
        int n = size.listInteractions();
        int rate = size.listRate();
        BenchResult r = new BenchResult(id(), title()).parameter("interactions", n).parameter("eventsPerSecond", rate)
                .parameter("seconds", size.listSeconds()).parameter("warmupSeconds", size.listWarmupSeconds())
                .parameter("churn", "1 end + 1 start per " + CHURN_EVERY + " events");
        try (BenchGateway gw = BenchGateway.plan(dir).supervisors(DOMAIN, 1).interactions(DOMAIN, n).start()) {
            SignedIn sup = gw.signIn("sup-" + DOMAIN + "-0");
            double heapBefore = BenchEnv.heapAfterGcMiB();
            Probe probe = new Probe();
            ConsoleSession session = new ConsoleSession(sup, StreamOptions.defaults());
            Stage[] stage = new Stage[1];
            try {
                BenchEnv.onFx(() -> {
                    Theme.apply(false);
                    stage[0] = new Stage();
                    ConsoleWindow window = new ConsoleWindow(stage[0], session.viewModel(), "bench",
                            UserSettings.defaults(), s -> { }, null, null, null);
                    // Monocle's headless screen is 1280x800 unless told otherwise: a laptop-sized console
                    stage[0].setX(0);
                    stage[0].setY(0);
                    stage[0].setWidth(1280);
                    stage[0].setHeight(800);
                    probe.install(window.stage().getScene(), session);
                    session.start();
                    stage[0].show();
                });
                BenchEnv.waitFor(() -> BenchEnv.onFx(() -> session.viewModel().floor().size()) == n, 60,
                        "the console to show the snapshot of " + n + " interactions");
                Feed platform = new Feed(gw.platformSide(), n, rate, probe.issued);
                platform.start();
                BenchEnv.sleep(size.listWarmupSeconds() * 1000L);
                long measuredFrom = System.nanoTime();
                long issuedFrom = platform.events.get();
                java.util.Map<Long, Long> fx0 = BenchEnv.threadCpu(FX_THREAD);
                java.util.Map<Long, Long> render0 = BenchEnv.threadCpu(RENDER_THREAD);
                java.util.Map<Long, Long> client0 = BenchEnv.threadCpu(CLIENT_THREAD);
                long process0 = BenchEnv.processCpuNanos();
                java.util.Map<Long, Long> gateway0 = BenchEnv.threadCpu(GATEWAY_THREAD);
                long jit0 = java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
                long gc0 = gcMillis();
                probe.measuring.set(true);
                BenchEnv.sleep(size.listSeconds() * 1000L);
                probe.measuring.set(false);
                long measuredNanos = System.nanoTime() - measuredFrom;
                double fxCores = BenchEnv.cpuBetween(fx0, BenchEnv.threadCpu(FX_THREAD)) / (double) measuredNanos;
                double renderCores = BenchEnv.cpuBetween(render0, BenchEnv.threadCpu(RENDER_THREAD))
                        / (double) measuredNanos;
                double clientCores = BenchEnv.cpuBetween(client0, BenchEnv.threadCpu(CLIENT_THREAD))
                        / (double) measuredNanos;
                double processCores = (BenchEnv.processCpuNanos() - process0) / (double) measuredNanos;
                double gatewayCores = BenchEnv.cpuBetween(gateway0, BenchEnv.threadCpu(GATEWAY_THREAD))
                        / (double) measuredNanos;
                double jitShare = (java.lang.management.ManagementFactory.getCompilationMXBean()
                        .getTotalCompilationTime() - jit0) * 1e6 / measuredNanos;
                double gcShare = (gcMillis() - gc0) * 1e6 / measuredNanos;
                long issuedInWindow = platform.events.get() - issuedFrom;
                platform.stop();
                long stoppedAt = System.nanoTime();
                BenchEnv.waitFor(() -> probe.issued.isEmpty(), 60, "every issued event to show");
                double drainMs = (probe.lastShown.get() - stoppedAt) / 1e6;
                double heapAfter = BenchEnv.heapAfterGcMiB();

                r.figure("events_per_s", issuedInWindow / (measuredNanos / 1e9), "1/s");
                r.figure("pulses", probe.pulse.count(), "");
                r.figure("pulse_p50_ms", Samples.ms(probe.pulse.percentile(50)), "ms");
                r.figure("pulse_p99_ms", Samples.ms(probe.pulse.percentile(99)), "ms");
                r.figure("pulse_max_ms", Samples.ms(probe.pulse.max()), "ms");
                r.figure("pulse_cpu_p50_ms", Samples.ms(probe.pulseCpu.percentile(50)), "ms");
                r.figure("pulse_cpu_p99_ms", Samples.ms(probe.pulseCpu.percentile(99)), "ms");
                r.figure("pulses_over_8ms", BenchEnv.onFx(() -> probe.slowPulses), "");
                r.figure("of_which_during_gc", BenchEnv.onFx(() -> probe.slowPulsesWithGc), "");
                long[] slow = BenchEnv.onFx(() -> new long[] {probe.slowWallNanos, probe.slowCpuNanos,
                        probe.slowRunDelayNanos});
                r.figure("slow_pulses_cpu_share", slow[0] == 0 ? 0 : (double) slow[1] / slow[0], "");
                r.figure("slow_pulses_waiting_for_a_core_share", slow[0] == 0 ? 0 : (double) slow[2] / slow[0], "");
                r.figure("apply_p99_ms", Samples.ms(probe.apply.percentile(99)), "ms");
                r.figure("latency_p50_ms", Samples.ms(probe.latency.percentile(50)), "ms");
                r.figure("latency_p99_ms", Samples.ms(probe.latency.percentile(99)), "ms");
                r.figure("latency_max_ms", Samples.ms(probe.latency.max()), "ms");
                r.figure("events_shown", probe.latency.count(), "");
                r.figure("backlog_first_third", thirdMean(probe.backlog, 0), "events");
                r.figure("backlog_last_third", thirdMean(probe.backlog, 2), "events");
                r.figure("backlog_max", probe.backlog.max(), "events");
                r.figure("drain_after_stop_ms", Math.max(0, drainMs), "ms");
                r.figure("fx_thread_cpu_cores", fxCores, "cores");
                r.figure("renderer_cpu_cores", renderCores, "cores");
                r.figure("stream_client_cpu_cores", clientCores, "cores");
                r.figure("gateway_cpu_cores", gatewayCores, "cores");
                r.figure("process_cpu_cores", processCores, "cores");
                r.figure("jit_compiling_share", jitShare, "");
                r.figure("gc_collecting_share", gcShare, "");
                r.figure("heap_after_gc_mib", heapAfter, "MiB");
                r.figure("console_heap_mib", heapAfter - heapBefore, "MiB");
                r.atMost("pulse_p99_ms", 8, "p99 FX-thread time per pulse <= 8 ms");
                r.atMost("latency_p99_ms", 100, "p99 event -> row shown <= 100 ms");
                r.atMost("drain_after_stop_ms", 100,
                        "no growing backlog: every event shown within 100 ms after the feed stops");
                r.atLeast("events_per_s", rate * 0.98, "the feed kept its rate (>= 98 %)");
                r.note("pulse_*: wall time of the FX thread per pulse (the target); pulse_cpu_*: the FX thread's own "
                        + "CPU time in it, what the code costs without GC pauses and waits for a core");
                r.note("slow_pulses_*: of the wall time of pulses over 8 ms, the share the FX thread ran, and the share it "
                        + "waited in the run queue for a core (Linux schedstat); the rest is blocked, mostly waiting "
                        + "for the software renderer to finish the previous frame");
                r.note("cores: CPU seconds per second in the window by thread (FX, renderer, the console's stream client, "
                        + "the in-process gateway); jit_compiling_share and gc_collecting_share: compile and collection "
                        + "time per second of the window");
                r.note("heap_after_gc_mib is the whole process (gateway with its floor included); "
                        + "console_heap_mib is the growth from starting the console");
            } finally {
                BenchEnv.onFx(() -> {
                    if (stage[0] != null) {
                        stage[0].close();
                    }
                    probe.uninstall();
                });
                session.close();
            }
        }
        return r;
    }

    /** Time spent collecting so far (all collectors, ms). */
    static long gcMillis() {
        long ms = 0;
        for (java.lang.management.GarbageCollectorMXBean g : java.lang.management.ManagementFactory
                .getGarbageCollectorMXBeans()) {
            ms += Math.max(0, g.getCollectionTime());
        }
        return ms;
    }

    /** Mean of one third (0, 1 or 2) of the backlog samples, in order of time. */
    static double thirdMean(Samples s, int third) {
        List<Long> all = s.values();
        if (all.isEmpty()) {
            return Double.NaN;
        }
        int from = all.size() * third / 3;
        int to = Math.max(from + 1, all.size() * (third + 1) / 3);
        return all.subList(from, Math.min(all.size(), to)).stream().mapToLong(Long::longValue).average().orElse(0);
    }

    /** The FX-side instruments: pulse timing, rows changed per pulse, event latency, backlog. */
    static final class Probe {
        final Map<String, Long> issued = new ConcurrentHashMap<>();
        final AtomicBoolean measuring = new AtomicBoolean();
        final AtomicLong lastShown = new AtomicLong();
        final Samples pulse = new Samples(8192);
        final Samples apply = new Samples(8192);
        final Samples latency = new Samples(1 << 16);
        final Samples backlog = new Samples(8192);
        final Samples pulseCpu = new Samples(8192);
        int slowPulses;
        int slowPulsesWithGc;
        private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        private final List<java.lang.management.GarbageCollectorMXBean> gcs =
                java.lang.management.ManagementFactory.getGarbageCollectorMXBeans();
        private long pulseCpuStart;
        private long gcCountStart;
        private long runDelayStart;
        long slowWallNanos;
        long slowCpuNanos;
        long slowRunDelayNanos;
        private final List<Long> changedThisPulse = new ArrayList<>();
        private final Map<InteractionRow, ChangeListener<InteractionState>> watching = new java.util.HashMap<>();
        private AnimationTimer start;
        private Scene scene;
        private Runnable postLayout;
        private long pulseStart;
        private long lastBatch;

        void install(Scene scene, ConsoleSession session) {
            this.scene = scene;
            start = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    pulseStart = System.nanoTime();
                    pulseCpuStart = threads.getCurrentThreadCpuTime();
                    gcCountStart = gcCount();
                    runDelayStart = runDelay();
                }
            };
            start.start(); // before the bridge's timer: runs first in every pulse
            session.viewModel().floor().visibleRows().addListener((ListChangeListener<InteractionRow>) c -> {
                while (c.next()) {
                    for (InteractionRow row : c.getRemoved()) {
                        ChangeListener<InteractionState> l = watching.remove(row);
                        if (l != null) {
                            row.stateProperty().removeListener(l);
                        }
                        if (!c.wasReplaced()) {
                            shown(row);
                        }
                    }
                    for (InteractionRow row : c.getAddedSubList()) {
                        ChangeListener<InteractionState> l = (o, was, is) -> shown(row);
                        watching.put(row, l);
                        row.stateProperty().addListener(l);
                        shown(row);
                    }
                }
            });
            postLayout = () -> {
                long now = System.nanoTime();
                boolean on = measuring.get();
                for (long t : changedThisPulse) {
                    if (on) {
                        latency.add(now - t);
                    }
                }
                if (!changedThisPulse.isEmpty()) {
                    lastShown.set(now);
                }
                changedThisPulse.clear();
                long batch = session.bridge().lastBatchNanos();
                if (on && batch != lastBatch) {
                    apply.add(batch);
                }
                lastBatch = batch;
                if (on) {
                    backlog.add(issued.size());
                }
                long began = pulseStart;
                long cpuBegan = pulseCpuStart;
                long gcBegan = gcCountStart;
                long delayBegan = runDelayStart;
                Platform.runLater(() -> {
                    if (on && began != 0) {
                        long wall = System.nanoTime() - began;
                        long cpu = threads.getCurrentThreadCpuTime() - cpuBegan;
                        pulse.add(wall);
                        pulseCpu.add(cpu);
                        if (wall > 8_000_000) {
                            slowPulses++;
                            slowWallNanos += wall;
                            slowCpuNanos += cpu;
                            slowRunDelayNanos += Math.max(0, runDelay() - delayBegan);
                            if (gcCount() != gcBegan) {
                                slowPulsesWithGc++;
                            }
                        }
                    }
                });
            };
            scene.addPostLayoutPulseListener(postLayout);
        }

        /** Linux: how long this thread has waited for a core (run queue), in ns; 0 where unknown. */
        private static long runDelay() {
            try {
                String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/thread-self/schedstat"))
                        .trim().split("\\s+");
                return Long.parseLong(f[1]);
            } catch (java.io.IOException | RuntimeException e) {
                return 0;
            }
        }

        private long gcCount() {
            long n = 0;
            for (java.lang.management.GarbageCollectorMXBean g : gcs) {
                n += Math.max(0, g.getCollectionCount());
            }
            return n;
        }

        private void shown(InteractionRow row) {
            Long t = issued.remove(row.id());
            if (t != null) {
                changedThisPulse.add(t);
            }
        }

        void uninstall() {
            if (start != null) {
                start.stop();
            }
            if (scene != null) {
                scene.removePostLayoutPulseListener(postLayout);
            }
        }
    }

    /** The simulated CCaaS platform: changes the floor at a steady rate through PlatformSide. */
    static final class Feed extends PacedFeed {
        private final PlatformSide floor;
        private final Map<String, Long> issued;
        private final String[] ids;
        private final boolean[] onHold;
        private final int[] generation;

        Feed(PlatformSide floor, int slots, int rate, Map<String, Long> issued) {
            super(rate, slots);
            this.floor = floor;
            this.issued = issued;
            this.ids = new String[slots];
            this.onHold = new boolean[slots];
            this.generation = new int[slots];
            for (int i = 0; i < slots; i++) {
                ids[i] = "ix-" + DOMAIN + "-" + i;
            }
        }

        @Override
        int emit(long n, int slot) {
            if (n % CHURN_EVERY == CHURN_EVERY - 1) {
                String old = ids[slot];
                generation[slot]++;
                String next = "ix-" + DOMAIN + "-" + slot + "-g" + generation[slot];
                issued.put(old, System.nanoTime());
                floor.endInteraction(BenchGateway.TENANT, old);
                ids[slot] = next;
                onHold[slot] = false;
                issued.put(next, System.nanoTime());
                floor.startInteraction(BenchGateway.interaction(DOMAIN, slot, next, Instant.now()));
                return 2;
            }
            onHold[slot] = !onHold[slot];
            issued.put(ids[slot], System.nanoTime());
            floor.changeState(BenchGateway.TENANT, ids[slot],
                    onHold[slot] ? InteractionState.ON_HOLD : InteractionState.ACTIVE);
            return 1;
        }
    }
}
