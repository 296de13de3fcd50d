package io.huddle.bench;

import io.huddle.client.GatewayClient;
import io.huddle.client.SignedIn;
import io.huddle.domain.Interaction;
import io.huddle.domain.InteractionState;
import io.huddle.domain.Role;
import io.huddle.domain.TenantSettings;
import io.huddle.domain.User;
import io.huddle.gateway.auth.PasswordHasher;
import io.huddle.gateway.floor.PlatformFact;
import io.huddle.gateway.store.PostgresGatewayStore;
import io.huddle.gateway.store.PostgresSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLongArray;
import org.glassfish.tyrus.client.ClientManager;

/**
 * B8, fan-out across instances: three gateways in this process on one PostgreSQL (its own server, with fsync on
 * as in production), {@code clusterConsoles} supervisor streams spread evenly over them, and a platform that
 * changes interaction states through the first gateway, in batches of a hundredth of a second, at each rate of
 * {@code clusterRates} in turn. A console stamps each interaction.updated frame on receipt against the time its
 * change was issued (before the gateway writes it), so a console on the second or third gateway measures the
 * whole path: the write and its floor log entry, the commit, the wake-up, the follower's read and replay, the
 * fan-out. The database's share is the CPU of the PostgreSQL server's processes over that of the gateways' process
 * and the server together.
 */
final class ClusterFanOutBench implements Bench {
    private static final String TENANT = BenchGateway.TENANT;
    private static final String PASSWORD = "bench";
    private static final String ADMIN = "b8-admin";
    private static final int INSTANCES = 3;
    private static final int BATCHES_PER_SECOND = 100;
    /** The Platform API's largest batch. */
    private static final int MAX_BATCH = 500;

    @Override
    public String id() {
        return "B8";
    }

    @Override
    public String title() {
        return "fan-out across gateway instances";
    }

    @Override
    public BenchResult run(BenchSize size, Path dir) throws Exception {
        // -Dbench.b8.consoles=N, -Dbench.b8.rates=R1,R2 and -Dbench.b8.instances=N (through -Dbench.jvmArg) look at
        // one load more closely, or at how it spreads over more or fewer gateways
        int instances = Math.max(1, Integer.getInteger("bench.b8.instances", INSTANCES));
        // -Dbench.b8.processes=true: the gateways as `huddle gateway` processes, the platform over HTTP
        boolean processes = Boolean.getBoolean("bench.b8.processes");
        int consoles = Integer.getInteger("bench.b8.consoles", size.clusterConsoles());
        int[] rates = System.getProperty("bench.b8.rates") == null ? size.clusterRates()
                : java.util.Arrays.stream(System.getProperty("bench.b8.rates").split(",")).map(String::trim)
                        .mapToInt(Integer::parseInt).toArray();
        int agents = size.clusterAgents();
        BenchResult r = new BenchResult(id(), title()).parameter("instances", instances)
                .parameter("gateways", processes ? "processes" : "in this process")
                .parameter("consoles", consoles).parameter("interactions", agents)
                .parameter("rates", java.util.Arrays.toString(rates))
                .parameter("secondsPerRate", size.clusterSeconds());
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pgdata"))
                .setCleanDataDirectory(true).start()) {
            try (var c = pg.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
                s.execute("CREATE DATABASE huddle_b8");
            }
            PostgresSettings db = new PostgresSettings("jdbc:postgresql://localhost:" + pg.getPort() + "/huddle_b8",
                    "postgres", null, 10);
            String[] platformIds = seed(db, consoles, agents);
            ClientManager tyrus = ClientManager.createClient();
            List<Session> sockets = new ArrayList<>();
            try (B8Cluster gateways = processes
                    ? new B8Processes(instances, db, dir, TENANT, ADMIN, PASSWORD.toCharArray())
                    : new B8InProcess(instances, db, dir)) {
                try {
                    Map<String, Integer> slotOf = new HashMap<>();
                    for (int s = 0; s < agents; s++) {
                        slotOf.put(idOf(s), s);
                    }
                    AtomicLongArray issuedHold = new AtomicLongArray(agents);
                    AtomicLongArray issuedActive = new AtomicLongArray(agents);
                    FanOutBench.Receivers rx = new FanOutBench.Receivers(slotOf, issuedHold, issuedActive, consoles);
                    CountDownLatch snapshots = new CountDownLatch(consoles);
                    int[] instanceOf = new int[consoles];
                    for (int i = 0; i < consoles; i++) {
                        instanceOf[i] = i % instances;
                        String base = gateways.baseUrl(instanceOf[i]);
                        SignedIn who = GatewayClient.signIn(URI.create(base), TENANT, "sup-" + i,
                                PASSWORD.toCharArray());
                        sockets.add(FanOutBench.connect(tyrus, URI.create(base.replace("http://", "ws://")
                                + "/api/v1/stream"), who, rx, i, snapshots));
                    }
                    BenchEnv.await(snapshots, 120, "every console to get its snapshot");
                    int highest = 0;
                    for (int rate : rates) {
                        Feed feed = new Feed(gateways, platformIds, rate, issuedHold, issuedActive);
                        feed.start();
                        BenchEnv.sleep(Math.max(1, size.clusterSeconds() / 3) * 1000L); // warm-up at this rate
                        long pg0 = postgresCpuNanos();
                        long jvm0 = gateways.gatewaysCpuNanos();
                        long events0 = feed.events.get();
                        rx.reset();
                        long t0 = System.nanoTime();
                        rx.measuring = true;
                        feed.measuring = true;
                        BenchEnv.sleep(size.clusterSeconds() * 1000L);
                        rx.measuring = false;
                        feed.measuring = false;
                        long window = System.nanoTime() - t0;
                        long events = feed.events.get() - events0;
                        long pgCpu = postgresCpuNanos() - pg0;
                        long jvmCpu = gateways.gatewaysCpuNanos() - jvm0;
                        feed.stop();
                        BenchEnv.sleep(1_000);
                        double perSecond = events / (window / 1e9);
                        Samples cross = rx.mergedWhere(i -> instanceOf[i] != 0);
                        Samples same = rx.mergedWhere(i -> instanceOf[i] == 0);
                        String at = "at_" + rate;
                        r.figure(at + "_events_per_s", perSecond, "1/s");
                        r.figure(at + "_cross_p50_ms", Samples.ms(cross.percentile(50)), "ms");
                        r.figure(at + "_cross_p99_ms", Samples.ms(cross.percentile(99)), "ms");
                        r.figure(at + "_same_instance_p99_ms", Samples.ms(same.percentile(99)), "ms");
                        r.figure(at + "_platform_wait_p99_ms", Samples.ms(feed.waited.percentile(99)), "ms");
                        r.figure(at + "_database_cpu_share", pgCpu / (double) Math.max(1, pgCpu + jvmCpu), "");
                        r.figure(at + "_database_cpu_cores", pgCpu / (double) window, "cores");
                        r.figure(at + "_gateways_cpu_cores", jvmCpu / (double) window, "cores");
                        if (perSecond >= rate * 0.95) {
                            highest = rate;
                        }
                    }
                    r.figure("highest_sustained_rate", highest, "1/s");
                    int target = rates[rates.length - 1] >= 2_000 ? 2_000 : rates[rates.length - 1];
                    r.atMost("at_" + target + "_cross_p99_ms", 100, "cross-instance p99 <= 100 ms at " + target
                            + " events/s");
                    r.atLeast("highest_sustained_rate", target, "sustains >= " + target + " events/s");
                    r.note("latency: from the platform issuing a state change at the first gateway (before the"
                            + " write) to the frame's arrival at a console; cross: consoles on the other gateways; "
                            + gateways.cpuNote() + "; all share the machine's cores with PostgreSQL;"
                            + " database share: PostgreSQL's CPU over PostgreSQL's and the gateways'; platform wait:"
                            + " per batch, how long its oldest event waited at the platform for the batch before it"
                            + " to be answered (not in the latency)");
                } finally {
                    FanOutBench.closeAll(sockets, tyrus);
                }
            }
        }
        return r;
    }

    private static String idOf(int slot) {
        return "ix-b8-" + slot;
    }

    /** Supervisors sup-0.. and one live interaction per agent, known to the platform as p-ix-b8-N. */
    private static String[] seed(PostgresSettings db, int consoles, int agents) {
        String hash = new PasswordHasher(1_000).hash(PASSWORD.toCharArray());
        String[] platformIds = new String[agents];
        try (PostgresGatewayStore store = PostgresGatewayStore.open(db)) {
            store.saveTenantSettings(TenantSettings.defaults(TENANT));
            store.saveUser(new User(TENANT + ":" + ADMIN, TENANT, "d0", ADMIN, "B8 Admin", Set.of(Role.ADMIN), null),
                    hash); // connects the platform when the gateways are processes
            for (int i = 0; i < consoles; i++) {
                store.saveUser(new User(TENANT + ":sup-" + i, TENANT, "d0", "sup-" + i, "Supervisor " + i,
                        Set.of(Role.AWA_MANAGER), "sup-" + i), hash);
            }
            Instant now = Instant.now();
            List<Interaction> live = new ArrayList<>();
            for (int i = 0; i < agents; i++) {
                String agent = BenchGateway.agentName("d0", i);
                store.saveUser(new User(TENANT + ":" + agent, TENANT, "d0", agent, "Agent " + i,
                        Set.of(Role.AWA_AGENT), agent), hash);
                Interaction plain = BenchGateway.interaction("d0", i, idOf(i), now.minusSeconds(i % 900));
                platformIds[i] = "p-" + idOf(i);
                live.add(new Interaction(plain.id(), plain.tenant(), plain.domain(), plain.channel(), plain.agentId(),
                        plain.agentName(), plain.customerName(), plain.queue(), plain.startedAt(), plain.state(),
                        plain.helpRequested(), plain.participants(), null, platformIds[i]));
            }
            store.saveAll(List.of(), List.of(), live);
        }
        return platformIds;
    }

    /** CPU time so far of every process named postgres on this machine, in nanoseconds (Linux /proc). */
    static long postgresCpuNanos() {
        long ticks = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                if (!p.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    if (!stat.substring(open + 1, close).startsWith("postgres")) {
                        continue;
                    }
                    String[] f = stat.substring(close + 2).split(" ");
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks * 10_000_000L; // USER_HZ is 100 on Linux
    }

    /** The platform: batches of state changes (a hundredth of a second's each), round-robin, at a steady rate. */
    static final class Feed extends PacedFeed {
        private final B8Cluster gateways;
        private final String[] platformIds;
        private final int perBatch;
        private final AtomicLongArray issuedHold;
        private final AtomicLongArray issuedActive;
        private final boolean[] onHold;
        private int next;
        /** Per batch, from when its oldest event was due to when the batch was sent: the platform's backlog. */
        final Samples waited = new Samples();
        volatile boolean measuring;

        Feed(B8Cluster gateways, String[] platformIds, int rate, AtomicLongArray issuedHold,
             AtomicLongArray issuedActive) {
            super(rate, 1);
            this.gateways = gateways;
            this.platformIds = platformIds;
            this.perBatch = Math.max(1, rate / BATCHES_PER_SECOND);
            this.issuedHold = issuedHold;
            this.issuedActive = issuedActive;
            this.onHold = new boolean[platformIds.length];
        }

        @Override
        int emit(long n, int unused) {
            return emit(n, unused, perBatch);
        }

        /** What piled up while the last batch was being written goes in the next one (at most MAX_BATCH). */
        @Override
        int emit(long n, int unused, long owed) {
            // never one slot twice in a batch: its stamp would be overwritten before its frame arrived
            int count = (int) Math.min(Math.min(MAX_BATCH, platformIds.length), Math.max(perBatch, owed));
            List<PlatformFact.StateChanged> facts = new ArrayList<>(count);
            Instant at = Instant.now();
            long issued = System.nanoTime();
            if (measuring) {
                waited.add(issued - dueAt(n)); // how long the oldest event of the batch waited at the platform
            }
            for (int k = 0; k < count; k++) {
                int slot = next;
                next = (next + 1) % platformIds.length;
                onHold[slot] = !onHold[slot];
                (onHold[slot] ? issuedHold : issuedActive).set(slot, issued);
                facts.add(new PlatformFact.StateChanged("b8-" + (n + k), at.plusNanos(k * 1000L), platformIds[slot],
                        onHold[slot] ? InteractionState.ON_HOLD : InteractionState.ACTIVE));
            }
            try {
                gateways.apply(TENANT, facts);
            } catch (Exception e) {
                throw new IllegalStateException("the platform's batch was not taken: " + e.getMessage(), e);
            }
            return count;
        }
    }
}
