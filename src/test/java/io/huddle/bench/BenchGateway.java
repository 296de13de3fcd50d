package io.huddle.bench;

import io.huddle.client.GatewayClient;
import io.huddle.client.SignedIn;
import io.huddle.domain.Channel;
import io.huddle.domain.Interaction;
import io.huddle.domain.InteractionState;
import io.huddle.domain.Participant;
import io.huddle.domain.Role;
import io.huddle.domain.TenantSettings;
import io.huddle.domain.User;
import io.huddle.gateway.GatewayConfig;
import io.huddle.gateway.GatewayServer;
import io.huddle.gateway.auth.PasswordHasher;
import io.huddle.gateway.floor.PlatformSide;
import io.huddle.gateway.floor.SupervisorLegs;
import io.huddle.gateway.store.GatewayStore;
import io.huddle.gateway.store.SqliteGatewayStore;
import io.huddle.gateway.stream.StreamHub;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A real reference gateway on 127.0.0.1 (any free port) for the benchmarks: its SQLite file under the run's
 * work directory, one tenant "bench" whose users and live interactions are written to the store before it
 * starts (so a floor of thousands is restored at start instead of created one durable write at a time), no
 * simulation, and a raw WebSocket echo at {@value #ECHO_PATH} on the same server as the baseline of the
 * stream's round trip; at {@value #DURABLE_ECHO_PATH} an echo that first commits the frame to a SQLite file
 * (WAL, synchronous=FULL) next to the gateway's, as the gateway records an action before its ack.
 */
final class BenchGateway implements AutoCloseable {
    static final String TENANT = "bench";
    static final String PASSWORD = "bench";
    static final String ECHO_PATH = "/bench/echo";
    static final String DURABLE_ECHO_PATH = "/bench/durable-echo";
    private static final String[] QUEUES = {"Billing", "Sales", "Support", "Retention", "Onboarding", "VIP"};

    static final String EVENTS_PATH = "/api/v1/platform/events";

    private final GatewayServer server;
    private final RawCommits echoLog;
    private final IntakeTimes intakeTimes;

    private BenchGateway(GatewayServer server, RawCommits echoLog, IntakeTimes intakeTimes) {
        this.server = server;
        this.echoLog = echoLog;
        this.intakeTimes = intakeTimes;
    }

    /**
     * How long the gateway took over each POST of platform events, from its first filter to its last (the body
     * read, the signature, the batch applied and published, the answer written), while {@link #measuring}.
     */
    static final class IntakeTimes {
        private static final String STARTED = "bench.intakeStarted";
        final Samples server = new Samples(4096);
        volatile boolean measuring;

        void before(io.javalin.http.Context ctx) {
            ctx.attribute(STARTED, System.nanoTime());
        }

        void after(io.javalin.http.Context ctx) {
            Long t0 = ctx.attribute(STARTED);
            if (measuring && t0 != null) {
                server.add(System.nanoTime() - t0);
            }
        }
    }

    /** What to put on the floor before the gateway starts. */
    static final class Plan {
        private final Path dir;
        private final List<User> users = new ArrayList<>();
        private final List<Interaction> interactions = new ArrayList<>();
        private final List<java.util.function.Consumer<GatewayStore>> preloads = new ArrayList<>();

        private Plan(Path dir) {
            this.dir = dir;
        }

        /** Supervisors {@code sup-<domain>-<i>} of a domain; each one's platform user id is its username. */
        Plan supervisors(String domain, int count) {
            for (int i = 0; i < count; i++) {
                String name = "sup-" + domain + "-" + i;
                users.add(new User(TENANT + ":" + name, TENANT, domain, name, "Supervisor " + domain + " " + i,
                        Set.of(Role.AWA_MANAGER), name));
            }
            return this;
        }

        /** Agents {@code agent-<domain>-<i>} of a domain, as users; each one's platform user id is its username. */
        Plan agents(String domain, int count) {
            for (int i = 0; i < count; i++) {
                String name = agentName(domain, i);
                users.add(new User(TENANT + ":" + name, TENANT, domain, name, "Agent " + domain + " " + i,
                        Set.of(Role.AWA_AGENT), name));
            }
            return this;
        }

        /** Live interactions {@code ix-<domain>-<i>}, one per simulated agent {@code agent-<domain>-<i>}. */
        Plan interactions(String domain, int count) {
            Instant now = Instant.now();
            for (int i = 0; i < count; i++) {
                interactions.add(interaction(domain, i, "ix-" + domain + "-" + i, now.minusSeconds(i % 900)));
            }
            return this;
        }

        /**
         * Live interactions as {@link #interactions}, each also known to a platform as {@code p-ix-<domain>-<i>}
         * (as if the platform had reported it), with its agent as a user whose platform user id is its username.
         */
        Plan platformInteractions(String domain, int count) {
            agents(domain, count);
            Instant now = Instant.now();
            for (int i = 0; i < count; i++) {
                String id = "ix-" + domain + "-" + i;
                Interaction plain = interaction(domain, i, id, now.minusSeconds(i % 900));
                interactions.add(new Interaction(plain.id(), plain.tenant(), plain.domain(), plain.channel(),
                        plain.agentId(), plain.agentName(), plain.customerName(), plain.queue(), plain.startedAt(),
                        plain.state(), plain.helpRequested(), plain.participants(), null, "p-" + id));
            }
            return this;
        }

        /** More to write to the store before the gateway starts (e.g. an audit log). */
        Plan preload(java.util.function.Consumer<GatewayStore> work) {
            preloads.add(work);
            return this;
        }

        BenchGateway start() {
            Path db = dir.resolve("gateway.db");
            PasswordHasher hasher = new PasswordHasher(1_000);
            String hash = hasher.hash(PASSWORD.toCharArray());
            try (SqliteGatewayStore store = SqliteGatewayStore.open(db)) {
                store.saveTenantSettings(TenantSettings.defaults(TENANT));
                for (User u : users) {
                    store.saveUser(u, hash);
                }
                for (int from = 0; from < interactions.size(); from += 5_000) {
                    store.saveAll(List.of(), List.of(),
                            interactions.subList(from, Math.min(interactions.size(), from + 5_000)));
                }
                preloads.forEach(p -> p.accept(store));
            }
            GatewayConfig config = new GatewayConfig("127.0.0.1", 0, dir, false, 1_000,
                    new StreamHub.StreamSettings(Duration.ofSeconds(15), Duration.ofMinutes(2), 10_000), Set.of(),
                    GatewayConfig.PlatformSettings.defaults(), GatewayConfig.ManagementSettings.off());
            RawCommits echoLog = RawCommits.open(dir.resolve("durable-echo.db"));
            IntakeTimes intake = new IntakeTimes();
            try {
                return new BenchGateway(GatewayServer.start(config, routes -> {
                    routes.before(EVENTS_PATH, intake::before);
                    routes.after(EVENTS_PATH, intake::after);
                    routes.ws(ECHO_PATH, ws -> ws.onMessage(ctx -> ctx.send(ctx.message())));
                    routes.ws(DURABLE_ECHO_PATH, ws -> ws.onMessage(ctx -> {
                        echoLog.commit(ctx.message());
                        ctx.send(ctx.message());
                    }));
                }), echoLog, intake);
            } catch (RuntimeException e) {
                echoLog.close();
                throw e;
            }
        }
    }

    static Plan plan(Path dir) {
        return new Plan(dir);
    }

    static String agentName(String domain, int i) {
        return "agent-" + domain + "-" + i;
    }

    /** A live interaction handled by simulated agent {@code agent-<domain>-<i>}. */
    static Interaction interaction(String domain, int i, String id, Instant startedAt) {
        String agentId = TENANT + ":agent-" + domain + "-" + i;
        String agentName = "Agent " + domain + " " + i;
        String customer = "Customer " + i;
        Channel channel = Channel.values()[i % Channel.values().length];
        return new Interaction(id, TENANT, domain, channel, agentId, agentName, customer, QUEUES[i % QUEUES.length],
                startedAt, InteractionState.ACTIVE, false,
                List.of(new Participant("cust-" + id, customer, Participant.Kind.CUSTOMER, null, null, startedAt),
                        new Participant(agentId, agentName, Participant.Kind.AGENT, null, null, startedAt)),
                null);
    }

    SignedIn signIn(String username) {
        return GatewayClient.signIn(URI.create(server.baseUrl()), TENANT, username, PASSWORD.toCharArray());
    }

    /** The floor as the platform changes it. */
    PlatformSide platformSide() {
        return server.platformSide();
    }

    /** A supervisor's legs on the floor, without the platform. */
    SupervisorLegs supervisorLegs() {
        return server.supervisorLegs();
    }

    /**
     * Connects the tenant to a platform whose call-control endpoint is {@code callControlUrl}; answers the
     * secret both sides sign with.
     */
    String connectPlatform(URI callControlUrl) {
        return server.connectPlatform(TENANT, callControlUrl);
    }

    URI platformEventsUri() {
        return URI.create(server.baseUrl() + EVENTS_PATH);
    }

    IntakeTimes intakeTimes() {
        return intakeTimes;
    }

    GatewayServer server() {
        return server;
    }

    URI echoUri() {
        return URI.create("ws://127.0.0.1:" + server.port() + ECHO_PATH);
    }

    URI durableEchoUri() {
        return URI.create("ws://127.0.0.1:" + server.port() + DURABLE_ECHO_PATH);
    }

    URI streamUri() {
        return URI.create("ws://127.0.0.1:" + server.port() + "/api/v1/stream");
    }

    @Override
    public void close() {
        server.close();
        echoLog.close();
    }
}
