package io.huddle.bench;

import io.huddle.client.SignedIn;
import io.huddle.domain.InteractionState;
import io.huddle.gateway.floor.PlatformSide;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Predicate;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;

/**
 * B4, the gateway's fan-out: one gateway, {@code agents} simulated agents with a live interaction each, and
 * {@code consoles} supervisor streams (real Tyrus client sockets in this process, sharing one client
 * manager) spread over {@code domains} domains of one tenant, so each event reaches the consoles of its
 * domain. A platform thread changes interaction states at {@code fanOutRate} events a second through
 * PlatformSide; each socket stamps every interaction.updated frame on receipt against the time its event
 * was issued. The gateway's CPU is the CPU time of its threads (Jetty, the stream ticker and the platform
 * thread, which runs PlatformSide and the fan-out), the client sockets' threads excluded.
 */
final class FanOutBench implements Bench {

    @Override
    public String id() {
        return "B4";
    }

    @Override
    public String title() {
        return "gateway fan-out";
    }

    /** Threads of the client sockets (Tyrus on Grizzly) and of the harness: not the gateway's. */
    static final Predicate<String> CLIENT_THREAD = name -> name.startsWith("grizzly") || name.startsWith("tyrus")
            || name.startsWith("Grizzly") || name.contains("selector") || name.startsWith("main")
            || name.startsWith("JavaFX") || name.startsWith("QuantumRenderer") || name.startsWith("Monocle")
            || name.startsWith("OkHttp")
            || name.startsWith("huddle-stream-") && !name.equals("huddle-stream-ticker")
                    && !name.startsWith("huddle-stream-send-")
            || name.startsWith("Common-Cleaner") || name.startsWith("Finalizer") || name.startsWith("Reference")
            || name.startsWith("Signal") || name.startsWith("Notification") || name.startsWith("Attach");

    @Override
    public BenchResult run(BenchSize size, Path dir) throws Exception {
        int domains = size.domains();
        int perDomainConsoles = size.consoles() / domains;
        int perDomainAgents = size.agents() / domains;
        int rate = size.fanOutRate();
        BenchResult r = new BenchResult(id(), title()).parameter("consoles", perDomainConsoles * domains)
                .parameter("agents", perDomainAgents * domains).parameter("domains", domains)
                .parameter("eventsPerSecond", rate).parameter("seconds", size.fanOutSeconds())
                .parameter("deliveriesPerEvent", perDomainConsoles);
        double heapBefore = BenchEnv.heapAfterGcMiB();
        BenchGateway.Plan plan = BenchGateway.plan(dir);
        for (int d = 0; d < domains; d++) {
            plan.supervisors("d" + d, perDomainConsoles).interactions("d" + d, perDomainAgents);
        }
        try (BenchGateway gw = plan.start()) {
            List<SignedIn> sups = new ArrayList<>();
            for (int d = 0; d < domains; d++) {
                for (int i = 0; i < perDomainConsoles; i++) {
                    sups.add(gw.signIn("sup-d" + d + "-" + i));
                }
            }
            int slots = perDomainAgents * domains;
            String[] ids = new String[slots];
            Map<String, Integer> slotOf = new HashMap<>();
            for (int s = 0; s < slots; s++) {
                ids[s] = "ix-d" + (s % domains) + "-" + (s / domains);
                slotOf.put(ids[s], s);
            }
            AtomicLongArray issuedHold = new AtomicLongArray(slots);
            AtomicLongArray issuedActive = new AtomicLongArray(slots);
            Receivers rx = new Receivers(slotOf, issuedHold, issuedActive, sups.size());
            ClientManager tyrus = ClientManager.createClient();
            tyrus.getProperties().put(ClientProperties.INCOMING_BUFFER_SIZE, 16 * 1024 * 1024);
            tyrus.setDefaultMaxTextMessageBufferSize(16 * 1024 * 1024);
            List<Session> sockets = new ArrayList<>();
            try {
                CountDownLatch snapshots = new CountDownLatch(sups.size());
                for (int i = 0; i < sups.size(); i++) {
                    sockets.add(connect(tyrus, gw.streamUri(), sups.get(i), rx, i, snapshots));
                }
                BenchEnv.await(snapshots, 60, "every console to get its snapshot");
                Feed feed = new Feed(gw.platformSide(), ids, rate, issuedHold, issuedActive);
                feed.start();
                BenchEnv.sleep(size.fanOutWarmupSeconds() * 1000L);
                Map<Long, Long> gatewayCpu0 = BenchEnv.threadCpu(CLIENT_THREAD.negate());
                Map<Long, Long> clientCpu0 = BenchEnv.threadCpu(CLIENT_THREAD);
                long processCpu0 = BenchEnv.processCpuNanos();
                long events0 = feed.events.get();
                long delivered0 = rx.delivered.get();
                long t0 = System.nanoTime();
                rx.measuring = true;
                BenchEnv.sleep(size.fanOutSeconds() * 1000L);
                rx.measuring = false;
                long window = System.nanoTime() - t0;
                long events = feed.events.get() - events0;
                Map<Long, Long> gatewayCpu1 = BenchEnv.threadCpu(CLIENT_THREAD.negate());
                Map<Long, Long> clientCpu1 = BenchEnv.threadCpu(CLIENT_THREAD);
                long processCpu = BenchEnv.processCpuNanos() - processCpu0;
                feed.stop();
                BenchEnv.sleep(1_000);
                long delivered = rx.delivered.get() - delivered0;
                double heapAfter = BenchEnv.heapAfterGcMiB();
                Samples latency = rx.merged();
                double seconds = window / 1e9;
                r.figure("events_per_s", events / seconds, "1/s");
                r.figure("deliveries_per_s", delivered / seconds, "1/s");
                r.figure("delivered_ratio", (double) delivered / Math.max(1, events * perDomainConsoles), "");
                r.figure("latency_p50_ms", Samples.ms(latency.percentile(50)), "ms");
                r.figure("latency_p99_ms", Samples.ms(latency.percentile(99)), "ms");
                r.figure("latency_max_ms", Samples.ms(latency.max()), "ms");
                r.figure("gateway_cpu_cores", BenchEnv.cpuBetween(gatewayCpu0, gatewayCpu1) / (double) window,
                        "cores");
                r.figure("client_sockets_cpu_cores", BenchEnv.cpuBetween(clientCpu0, clientCpu1) / (double) window,
                        "cores");
                r.figure("process_cpu_cores", processCpu / (double) window, "cores");
                r.figure("heap_after_gc_mib", heapAfter, "MiB");
                r.figure("gateway_and_sockets_heap_mib", heapAfter - heapBefore, "MiB");
                r.atMost("latency_p99_ms", 50, "p99 delivery latency <= 50 ms");
                r.atLeast("events_per_s", rate * 0.98, "the platform kept its rate (>= 98 %)");
                r.note("latency: from the platform thread issuing a state change (before the gateway writes it) to "
                        + "the frame's arrival at a console socket; cores: CPU seconds per second");
            } finally {
                closeAll(sockets, tyrus);
            }
        }
        return r;
    }

    /** Closes the console sockets, whatever state they are in, and their client. */
    static void closeAll(List<Session> sockets, ClientManager tyrus) {
        for (Session s : sockets) {
            try {
                s.close();
            } catch (IOException | RuntimeException e) {
                // closing anyway
            }
        }
        tyrus.shutdown();
    }

    /** A console's stream socket: every frame after its snapshot goes to {@code rx} as socket {@code index}. */
    static Session connect(ClientManager tyrus, java.net.URI streamUri, SignedIn who, Receivers rx, int index,
                           CountDownLatch snapshots) throws Exception {
        String authorization = "Bearer " + who.token();
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
                .configurator(new ClientEndpointConfig.Configurator() {
                    @Override
                    public void beforeRequest(Map<String, List<String>> headers) {
                        headers.put("Authorization", List.of(authorization));
                    }
                }).build();
        return tyrus.connectToServer(new Endpoint() {
            @Override
            public void onOpen(Session s, EndpointConfig c) {
                s.setMaxTextMessageBufferSize(16 * 1024 * 1024);
                s.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
                    if (text.startsWith("{\"type\":\"snapshot\"")) {
                        snapshots.countDown();
                    } else {
                        rx.frame(index, text);
                    }
                });
                try {
                    s.getBasicRemote().sendText("{\"type\":\"hello\",\"protocol\":1,\"client\":{\"name\":"
                            + "\"huddle-bench\",\"version\":\"0\"}}");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }, config, streamUri);
    }

    /** What the console sockets received: per-socket latencies, merged at the end. */
    static final class Receivers {
        private final Map<String, Integer> slotOf;
        private final AtomicLongArray issuedHold;
        private final AtomicLongArray issuedActive;
        private final Samples[] perSocket;
        final AtomicLong delivered = new AtomicLong();
        volatile boolean measuring;

        Receivers(Map<String, Integer> slotOf, AtomicLongArray issuedHold, AtomicLongArray issuedActive, int sockets) {
            this.slotOf = slotOf;
            this.issuedHold = issuedHold;
            this.issuedActive = issuedActive;
            this.perSocket = new Samples[sockets];
            for (int i = 0; i < sockets; i++) {
                perSocket[i] = new Samples(4096);
            }
        }

        void frame(int socket, String text) {
            long now = System.nanoTime();
            if (!text.startsWith("{\"seq\":")) {
                return;
            }
            int t = text.indexOf("\"type\":\"interaction.updated\"");
            if (t < 0) {
                return;
            }
            int i = text.indexOf("\"id\":\"", t);
            int e = text.indexOf('"', i + 6);
            Integer slot = slotOf.get(text.substring(i + 6, e));
            if (slot == null) {
                return;
            }
            boolean hold = text.indexOf("\"state\":\"ON_HOLD\"", t) >= 0;
            long issued = hold ? issuedHold.get(slot) : issuedActive.get(slot);
            delivered.incrementAndGet();
            if (measuring && issued != 0) {
                perSocket[socket].add(now - issued);
            }
        }

        /** Starts the samples again, for a new window. */
        void reset() {
            for (int i = 0; i < perSocket.length; i++) {
                perSocket[i] = new Samples(4096);
            }
        }

        /** The samples of the sockets {@code which} picks, merged. */
        Samples mergedWhere(java.util.function.IntPredicate which) {
            Samples all = new Samples(1 << 16);
            for (int i = 0; i < perSocket.length; i++) {
                if (which.test(i)) {
                    all.merge(perSocket[i]);
                }
            }
            return all;
        }

        Samples merged() {
            Samples all = new Samples(1 << 16);
            for (Samples s : perSocket) {
                all.merge(s);
            }
            return all;
        }
    }

    /** The platform: state changes round-robin over every interaction at a steady rate. */
    static final class Feed extends PacedFeed {
        private final PlatformSide floor;
        private final String[] ids;
        private final AtomicLongArray issuedHold;
        private final AtomicLongArray issuedActive;
        private final boolean[] onHold;

        Feed(PlatformSide floor, String[] ids, int rate, AtomicLongArray issuedHold, AtomicLongArray issuedActive) {
            super(rate, ids.length);
            this.floor = floor;
            this.ids = ids;
            this.issuedHold = issuedHold;
            this.issuedActive = issuedActive;
            this.onHold = new boolean[ids.length];
        }

        @Override
        int emit(long n, int slot) {
            onHold[slot] = !onHold[slot];
            (onHold[slot] ? issuedHold : issuedActive).set(slot, System.nanoTime());
            floor.changeState(BenchGateway.TENANT, ids[slot],
                    onHold[slot] ? InteractionState.ON_HOLD : InteractionState.ACTIVE);
            return 1;
        }
    }
}
