package io.huddle.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.huddle.protocol.Json;
import io.huddle.protocol.platform.PlatformEvent;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated contact center for one tenant, on the far side of the Platform API (docs/platform.md): it
 * uses nothing a real adapter could not. Its agents take calls, chats and messages that start, talk, go on
 * hold, wrap up and end, told to the gateway as signed events over HTTP; it serves its own call-control
 * endpoint for the supervisors' controls; its agents ask for help through the REST API as themselves. The
 * seats of agent1 (voice) and agent2 (chat) always have one contact that never ends. It remembers its
 * contacts in a state file, so after a restart it ends the ones whose media is gone and keeps the seats'.
 * Owns one scheduler thread, its HTTP server and its HTTP client; {@link #close()} stops them.
 */
public final class Simulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Simulator.class);
    /** More events than this waiting for the gateway and the floor stands still until they are sent. */
    static final int MAX_BACKLOG = 5_000;

    /**
     * @param gateway       the gateway's base URL
     * @param listenHost    where the call-control endpoint listens ({@code listenPort} 0: any free port)
     * @param stateFile     where the simulated contacts are remembered between runs
     * @param agentPassword the simulated agents' password, to ask for help as themselves
     */
    public record Options(URI gateway, String tenant, String listenHost, int listenPort, Path stateFile,
                          char[] agentPassword) {
    }

    private final String tenant;
    private final SimulatedFloor floor;
    private final SimulatorState state;
    private final CallControlEndpoint endpoint;
    private final OkHttpClient http;
    private final EventPoster poster;
    private final HelpDesk helpDesk;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService scheduler;
    private int ticks;

    private Simulator(Options o, Function<URI, String> connect) {
        this.tenant = o.tenant();
        ObjectMapper json = Json.newMapper();
        RandomGenerator random = RandomGenerator.of("L64X128MixRandom");
        this.floor = new SimulatedFloor(random, UUID.randomUUID().toString().substring(0, 8));
        this.state = new SimulatorState(json, o.stateFile());
        this.endpoint = new CallControlEndpoint(json, clock, tenant, floor, o.listenHost(), o.listenPort());
        URI controls = endpoint.url(o.listenHost());
        String secret;
        try {
            secret = connect.apply(controls);
        } catch (RuntimeException e) {
            endpoint.close();
            throw e;
        }
        endpoint.secret(secret);
        OkHttpClient.Builder builder = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(15));
        if ("http".equalsIgnoreCase(o.gateway().getScheme())) {
            builder.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)); // no TLS to set up for a plain-HTTP gateway
        }
        this.http = builder.build();
        this.poster = new EventPoster(http, json, clock, o.gateway(), tenant, secret);
        this.helpDesk = new HelpDesk(o.gateway(), tenant, o.agentPassword(), random);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "huddle-simulator-" + tenant);
            t.setDaemon(true);
            return t;
        });
        LOG.info("simulated contact center of {} sends events to {} and takes controls at {}", tenant,
                o.gateway(), controls);
    }

    /**
     * Starts the simulation. {@code connect} gets the URL of the call-control endpoint and answers the secret
     * both sides sign with (the tenant's admin sets that URL and makes that secret).
     */
    public static Simulator start(Options options, Function<URI, String> connect) {
        Simulator s = new Simulator(options, connect);
        s.scheduler.execute(s::restore);
        s.scheduler.scheduleWithFixedDelay(s::tick, 500, 1000, TimeUnit.MILLISECONDS);
        return s;
    }

    public URI callControlUrl(String host) {
        return endpoint.url(host);
    }

    private void restore() {
        try {
            poster.add(floor.restore(state.load(), clock.instant()));
            poster.flush();
        } catch (RuntimeException e) {
            LOG.error("simulation of {} could not take up its earlier contacts; it starts afresh", tenant, e);
        }
    }

    private void tick() {
        try {
            if (poster.backlog() < MAX_BACKLOG) {
                List<PlatformEvent> events = floor.tick(clock.instant());
                poster.add(events);
                state.save(floor.live());
            }
            poster.flush();
            for (SimulatedFloor.Call c : floor.live()) {
                if (c.endsAt() != null && c.state() == PlatformEvent.State.ACTIVE) {
                    helpDesk.maybeAsk(c);
                }
            }
            if (++ticks % 5 == 0) {
                helpDesk.followUp(clock.instant());
            }
        } catch (RuntimeException e) {
            LOG.error("simulation tick of {} failed; it keeps running", tenant, e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("simulation of {} did not stop within 5 s", tenant);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        state.save(floor.live());
        endpoint.close();
        helpDesk.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
