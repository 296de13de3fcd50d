package io.huddle.bench;

import io.huddle.client.FloorFeed;
import io.huddle.client.FloorState;
import io.huddle.client.SignedIn;
import io.huddle.client.StreamClient;
import io.huddle.client.StreamOptions;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * B6, the Platform API's event intake: a platform stand-in in this process posts signed batches of its floor's
 * events to {@code POST /api/v1/platform/events} of a real gateway, as an adapter does, paced to
 * {@code intakeRate} events a second; consoles (the real client: StreamClient and FloorState) watch the floor.
 * The floor's interactions are started through the API first, by agents that have platform user ids; then the
 * platform changes them (state changes and transcript lines, and now and then one ends and another starts).
 *
 * <p>Each change a console shows as a row (a state, a start, an end) is timed from the moment the stand-in sent
 * the POST that carried it to the moment the console's FloorState applied it; the intake's answer time is the
 * POST until its answer was read. The gateway's CPU is the CPU time of its threads (Jetty, which runs the
 * intake and the floor; the stream hub's senders and ticker), the stand-in's and the consoles' apart.
 */
final class IntakeBench implements Bench {
    /** The gateway's threads: Jetty (the intake and the floor run on its request threads), the stream hub's. */
    static final Predicate<String> GATEWAY_THREAD = n -> n.startsWith("JettyServerThreadPool")
            || n.startsWith("huddle-stream-send-") || n.equals("huddle-stream-ticker") || n.startsWith("huddle-upkeep");
    /** Jetty's threads alone: the intake runs on them (a request's thread applies its batch and publishes it). */
    static final Predicate<String> JETTY_KERNEL_NAME = n -> n.startsWith("JettyServerThre");
    /** The same threads by their kernel names (Java names cut to 15 characters), for Linux's schedstat. */
    static final Predicate<String> GATEWAY_KERNEL_NAME = n -> n.startsWith("JettyServerThre")
            || n.startsWith("huddle-stream-s") || n.equals("huddle-stream-t") || n.startsWith("huddle-upkeep");
    /** The platform stand-in's thread (it builds, signs and posts the batches; OkHttp runs on it). */
    static final Predicate<String> PLATFORM_THREAD = n -> n.equals(IntakeFeed.THREAD) || n.startsWith("OkHttp");
    /** The consoles' stream clients (their socket threads and each client's one thread). */
    static final Predicate<String> CONSOLE_THREAD = n -> n.startsWith("huddle-stream-")
            && !n.equals("huddle-stream-ticker") && !n.startsWith("huddle-stream-send-")
            || n.startsWith("grizzly") || n.startsWith("Grizzly") || n.startsWith("tyrus") || n.contains("selector");

    @Override
    public String id() {
        return "B6";
    }

    @Override
    public String title() {
        return "platform event intake (signed POST -> console's row)";
    }

    @Override
    public BenchResult run(BenchSize size, Path dir) throws Exception {
        int domains = size.intakeDomains();
        int consolesPerDomain = size.intakeConsolesPerDomain();
        int agentsPerDomain = size.intakeAgentsPerDomain();
        int interactions = size.intakeInteractions();
        int rate = size.intakeRate();
        BenchResult r = new BenchResult(id(), title()).parameter("eventsPerSecond", rate)
                .parameter("interactions", interactions).parameter("domains", domains)
                .parameter("consoles", consolesPerDomain * domains).parameter("agents", agentsPerDomain * domains)
                .parameter("seconds", size.intakeSeconds()).parameter("warmupSeconds", size.intakeWarmupSeconds())
                .parameter("batchEvery", IntakeFeed.MIN_INTERVAL_MS + "-" + IntakeFeed.MAX_INTERVAL_MS + " ms")
                .parameter("mix", "1 end + 1 start per " + IntakeFeed.CHURN_EVERY + " events, a transcript line per "
                        + IntakeFeed.LINE_EVERY + ", the rest state changes (Active / On hold)");
        BenchGateway.Plan plan = BenchGateway.plan(dir);
        for (int d = 0; d < domains; d++) {
            plan.supervisors(domain(d), consolesPerDomain).agents(domain(d), agentsPerDomain);
        }
        try (BenchGateway gw = plan.start()) {
            // the call-control URL is not called in B6 (no supervisor presses anything): any loopback URL
            String secret = gw.connectPlatform(URI.create("http://127.0.0.1:9/call-control"));
            IntakeFeed feed = new IntakeFeed(gw.platformEventsUri(), BenchGateway.TENANT, secret, rate, interactions,
                    domains, agentsPerDomain, consolesPerDomain);
            try {
                feed.startFloor();
                Receivers rx = new Receivers(feed.pending());
                List<StreamClient> consoles = new ArrayList<>();
                try {
                    List<FloorState> states = new ArrayList<>();
                    for (int d = 0; d < domains; d++) {
                        for (int c = 0; c < consolesPerDomain; c++) {
                            SignedIn sup = gw.signIn("sup-" + domain(d) + "-" + c);
                            FloorState state = new FloorState();
                            states.add(state);
                            Receivers.Recorder mine = rx.console();
                            consoles.add(StreamClient.open(sup, new FloorFeed(state, change -> rx.onChange(mine, change),
                                    status -> { }), StreamOptions.defaults().withClient("huddle-bench", "0")));
                        }
                    }
                    int perDomain = interactions / domains;
                    BenchEnv.waitFor(() -> states.stream().allMatch(s -> s.interactions().size() >= perDomain), 60,
                            "every console to show its " + perDomain + " interactions");
                    feed.start();
                    BenchEnv.sleep(size.intakeWarmupSeconds() * 1000L);
                    Map<Long, Long> gateway0 = BenchEnv.threadCpu(GATEWAY_THREAD);
                    Map<Long, Long> platform0 = BenchEnv.threadCpu(PLATFORM_THREAD);
                    Map<Long, Long> console0 = BenchEnv.threadCpu(CONSOLE_THREAD);
                    long process0 = BenchEnv.processCpuNanos();
                    long[] sched0 = BenchEnv.schedstat(GATEWAY_KERNEL_NAME);
                    long[] jetty0 = BenchEnv.schedstat(JETTY_KERNEL_NAME);
                    IntakeFeed.Tally before = feed.tally();
                    long t0 = System.nanoTime();
                    feed.measuring = true;
                    rx.measuring = true;
                    gw.intakeTimes().measuring = true;
                    Samples disk;
                    try (RawCommits probe = RawCommits.open(dir.resolve("disk-probe.db"))) {
                        disk = diskCommits(probe, t0 + size.intakeSeconds() * 1_000_000_000L);
                    }
                    rx.measuring = false;
                    feed.measuring = false;
                    gw.intakeTimes().measuring = false;
                    long window = System.nanoTime() - t0;
                    IntakeFeed.Tally after = feed.tally();
                    double gatewayCores = BenchEnv.cpuBetween(gateway0, BenchEnv.threadCpu(GATEWAY_THREAD))
                            / (double) window;
                    double platformCores = BenchEnv.cpuBetween(platform0, BenchEnv.threadCpu(PLATFORM_THREAD))
                            / (double) window;
                    double consoleCores = BenchEnv.cpuBetween(console0, BenchEnv.threadCpu(CONSOLE_THREAD))
                            / (double) window;
                    double processCores = (BenchEnv.processCpuNanos() - process0) / (double) window;
                    long[] sched1 = BenchEnv.schedstat(GATEWAY_KERNEL_NAME);
                    long[] jetty1 = BenchEnv.schedstat(JETTY_KERNEL_NAME);
                    String loadAtEnd = BenchEnv.loadAverage();
                    feed.stop();
                    long stoppedAt = System.nanoTime();
                    boolean drained = BenchEnv.waitQuietly(() -> feed.pending().isEmpty(), 30);
                    double drainMs = drained ? Math.max(0, rx.lastShown() - stoppedAt) / 1e6 : Double.NaN;

                    double seconds = window / 1e9;
                    long events = after.applied() - before.applied();
                    Samples latency = rx.merged(false);
                    Samples age = rx.merged(true);
                    r.figure("events_per_s", events / seconds, "1/s");
                    r.figure("batches_per_s", (after.batches() - before.batches()) / seconds, "1/s");
                    r.figure("batch_events_p50", feed.batchSizes.percentile(50), "events");
                    r.figure("batch_events_max", feed.batchSizes.max(), "events");
                    r.figure("behind_schedule_max", feed.behindMax, "events");
                    r.figure("answer_p50_ms", Samples.ms(feed.answers.percentile(50)), "ms");
                    r.figure("answer_p99_ms", Samples.ms(feed.answers.percentile(99)), "ms");
                    r.figure("answer_max_ms", Samples.ms(feed.answers.max()), "ms");
                    Samples server = gw.intakeTimes().server;
                    r.figure("gateway_answer_p50_ms", Samples.ms(server.percentile(50)), "ms");
                    r.figure("gateway_answer_p99_ms", Samples.ms(server.percentile(99)), "ms");
                    r.figure("latency_p50_ms", Samples.ms(latency.percentile(50)), "ms");
                    r.figure("latency_p99_ms", Samples.ms(latency.percentile(99)), "ms");
                    r.figure("latency_max_ms", Samples.ms(latency.max()), "ms");
                    r.figure("event_to_row_p50_ms", Samples.ms(age.percentile(50)), "ms");
                    r.figure("event_to_row_p99_ms", Samples.ms(age.percentile(99)), "ms");
                    r.figure("rows_timed", latency.count(), "");
                    r.figure("ignored_events", after.ignored() - before.ignored(), "");
                    r.figure("duplicate_events", after.duplicates() - before.duplicates(), "");
                    r.figure("refused_batches", after.refused(), "");
                    r.figure("rows_not_shown", feed.pending().size(), "");
                    r.figure("drain_after_stop_ms", drainMs, "ms");
                    r.figure("gateway_cpu_cores", gatewayCores, "cores");
                    r.figure("gateway_cpu_ms_per_1000_events", events == 0 ? Double.NaN
                            : gatewayCores * seconds * 1e6 / events, "ms");
                    r.figure("gateway_waiting_for_a_core", (sched1[1] - sched0[1]) / (double) window, "cores");
                    long windowBatches = Math.max(1, after.batches() - before.batches());
                    r.figure("intake_cpu_ms_per_batch", (jetty1[0] - jetty0[0]) / 1e6 / windowBatches, "ms");
                    r.figure("intake_run_queue_ms_per_batch", (jetty1[1] - jetty0[1]) / 1e6 / windowBatches, "ms");
                    r.figure("disk_commit_p50_ms", Samples.ms(disk.percentile(50)), "ms");
                    r.figure("disk_commit_p99_ms", Samples.ms(disk.percentile(99)), "ms");
                    r.figure("platform_standin_cpu_cores", platformCores, "cores");
                    r.figure("consoles_cpu_cores", consoleCores, "cores");
                    r.figure("process_cpu_cores", processCores, "cores");
                    r.note("load average at the window's end: " + loadAtEnd);
                    r.atLeast("events_per_s", rate * 0.98,
                            "the intake took the platform's " + rate + " events/s (>= 98 %: the window's edges cut batches)");
                    r.atMost("latency_p99_ms", 100, "p99 platform's POST -> console's row <= 100 ms");
                    r.atMost("refused_batches", 0, "every batch answered 200");
                    r.atMost("rows_not_shown", 0, "every change the platform sent reached every console of its domain");
                    r.note("latency: from the stand-in sending the POST that carried a change (signed, serialized) to the "
                            + "console's FloorState applying it (StreamClient's thread; B1 measures FloorState -> row "
                            + "drawn); event_to_row adds the wait in the platform's batch (the event's own time on the "
                            + "platform's schedule to the row); answer: the POST until its 200 answer was read; "
                            + "gateway_answer: the same POST inside the gateway, from its first request filter to its "
                            + "last (body read, signature, batch applied and published, answer written)");
                    r.note("timed changes: states, starts and ends (a row changes); transcript lines are applied and "
                            + "reach only consoles viewing that interaction (none here), so they count as events but "
                            + "not as rows");
                    r.note("cores: CPU seconds per second of the window; gateway: Jetty (the intake, the floor and its "
                            + "SQLite commit run on the request's thread) and the stream hub's threads; "
                            + "gateway_waiting_for_a_core: the time those threads were ready to run and waited in the "
                            + "run queue (Linux schedstat), per second; intake_*_per_batch: Jetty's threads' CPU time "
                            + "and run-queue wait in the window per batch answered (the intake's share of the answer "
                            + "time; Jetty's threads also write the consoles' frames); disk_commit: a bare SQLite "
                            + "commit of one row (WAL, synchronous=FULL) next to the gateway's file, 10 a second "
                            + "through the window: what the one durable commit of each batch costs on this disk now");
                } finally {
                    consoles.forEach(StreamClient::close);
                }
            } finally {
                feed.stop();
                feed.close();
            }
        }
        return r;
    }

    /** Commits one row every 100 ms on this (the harness's) thread until {@code until}; each commit's time. */
    private static Samples diskCommits(RawCommits probe, long until) {
        Samples s = new Samples(512);
        long next = System.nanoTime();
        while (next < until) {
            long t0 = System.nanoTime();
            probe.commit("probe");
            s.add(System.nanoTime() - t0);
            next += 100_000_000L;
            BenchEnv.sleepUntil(Math.min(next, until));
        }
        return s;
    }

    static String domain(int d) {
        return "pd" + d;
    }

    /** What the consoles applied: per-console latencies, merged at the end. */
    static final class Receivers {
        private final Map<String, IntakeFeed.Pending> pending;
        private final Map<String, String> platformIdOf = new java.util.concurrent.ConcurrentHashMap<>();
        private final List<Recorder> consoles = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final java.util.concurrent.atomic.AtomicLong lastShown = new java.util.concurrent.atomic.AtomicLong();
        volatile boolean measuring;

        Receivers(Map<String, IntakeFeed.Pending> pending) {
            this.pending = pending;
        }

        /** One console's latencies: from the POST, and from the event's own time on the platform. */
        record Recorder(Samples fromPost, Samples fromEvent) {
        }

        /** A new console's recorder; only that console's stream thread records into it. */
        Recorder console() {
            Recorder r = new Recorder(new Samples(1 << 14), new Samples(1 << 14));
            consoles.add(r);
            return r;
        }

        /** On a console's stream thread: what its FloorState just applied. */
        void onChange(Recorder pair, io.huddle.client.FloorChange change) {
            long now = System.nanoTime();
            for (io.huddle.protocol.InteractionDto i : change.interactions()) {
                if (i.platformId() != null) {
                    platformIdOf.put(i.id(), i.platformId());
                    if (!change.reset()) {
                        arrived(pair, IntakeFeed.key(i.platformId(), i.state().name()), now);
                    }
                }
            }
            if (!change.reset()) {
                for (String gone : change.removedInteractions()) {
                    String pid = platformIdOf.get(gone);
                    if (pid != null) {
                        arrived(pair, IntakeFeed.key(pid, IntakeFeed.ENDED), now);
                    }
                }
            }
        }

        private void arrived(Recorder pair, String key, long now) {
            IntakeFeed.Pending p = pending.get(key);
            if (p == null) {
                return;
            }
            long sent = p.batch().sentNanos;
            if (measuring && sent != 0) {
                pair.fromPost().add(now - sent);
                pair.fromEvent().add(now - p.eventNanos());
            }
            if (p.consoles().decrementAndGet() == 0) {
                pending.remove(key, p);
            }
            lastShown.accumulateAndGet(now, Math::max);
        }

        long lastShown() {
            return lastShown.get();
        }

        Samples merged(boolean fromEvent) {
            Samples all = new Samples(1 << 16);
            for (Recorder s : consoles) {
                all.merge(fromEvent ? s.fromEvent() : s.fromPost());
            }
            return all;
        }
    }
}
