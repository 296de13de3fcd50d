package io.huddle.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.huddle.client.FloorState;
import io.huddle.client.GatewayClient;
import io.huddle.client.SignedIn;
import io.huddle.client.StreamClient;
import io.huddle.client.StreamListener;
import io.huddle.client.StreamOptions;
import io.huddle.domain.HelpRequest;
import io.huddle.domain.Interaction;
import io.huddle.gateway.store.FreshPostgres;
import io.huddle.gateway.store.PostgresGatewayStore;
import io.huddle.gateway.store.TestPostgres;
import io.huddle.protocol.Json;
import io.huddle.protocol.platform.PlatformSignature;
import io.huddle.protocol.stream.ServerFrame;
import io.huddle.testing.ContractHttp;
import io.huddle.testing.GatewayProcess;
import io.huddle.testing.RoundRobinBalancer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Three gateway processes on one PostgreSQL behind a load balancer, two consoles and a platform driving the floor
 * through it, and one gateway killed with SIGKILL at a random moment each round, then started again. After each
 * kill: every acknowledged platform event is applied once, every acknowledged help request is there once, each
 * accept race has one winner, and every console shows the database's floor within 5 s. Three rounds in the default
 * run; {@code -Dhuddle.ha.rounds=N} (the {@code ha} profile) for more.
 */
class HighAvailabilityTest {
    private static final Logger LOG = LoggerFactory.getLogger(HighAvailabilityTest.class);
    private static final int ROUNDS = Integer.getInteger("huddle.ha.rounds", 3);
    private static final Duration CONVERGE = Duration.ofSeconds(5);
    private static final String TENANT = "acme";

    @RegisterExtension
    static final FreshPostgres database = new FreshPostgres();

    @TempDir
    Path dir;
    private final List<GatewayProcess> gateways = new ArrayList<>();
    private final List<StreamClient> consoles = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();
    private RoundRobinBalancer balancer;
    private URI base;
    private String secret;
    private final Map<String, String> tokens = new HashMap<>();

    @AfterEach
    void stop() throws Exception {
        consoles.forEach(StreamClient::close);
        if (balancer != null) {
            balancer.close();
        }
        for (GatewayProcess g : gateways) {
            g.close();
        }
    }

    /** One console: its floor as its stream built it, and every event position it applied. */
    private static final class Console implements StreamListener {
        final FloorState floor = new FloorState();
        final List<String> positions = new CopyOnWriteArrayList<>();

        @Override
        public void onSnapshot(ServerFrame.Snapshot snapshot) {
            floor.applySnapshot(snapshot);
        }

        @Override
        public void onEvent(ServerFrame.Event event) {
            floor.apply(event);
            if (event.position() != null) {
                positions.add(event.position());
            }
        }
    }

    @Test
    void killingAGatewayAtRandomLosesNothingDoublesNothingAndTheConsolesConverge() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        LOG.info("high-availability run with seed {}", seed);
        var db = database.settings();
        for (int i = 0; i < 3; i++) {
            GatewayProcess g = new GatewayProcess(GatewayProcess.freePort(), dir.resolve("gw" + i),
                    TestPostgres.url(db), db.user(), db.password(), i == 0);
            g.start(Duration.ofSeconds(90)); // the first seeds the demo users; the others find them
            gateways.add(g);
        }
        balancer = new RoundRobinBalancer(gateways.stream().map(GatewayProcess::port).toList());
        base = URI.create("http://127.0.0.1:" + balancer.port());
        connectPlatform();
        for (String u : List.of("agent1", "agent2", "agent3", "supervisor1", "supervisor2")) {
            token(u); // signed in before anything is killed: a session holds on every gateway
        }
        List<Console> watching = new ArrayList<>();
        for (String supervisor : List.of("supervisor1", "supervisor2")) {
            Console c = new Console();
            SignedIn who = GatewayClient.signIn(base, TENANT, supervisor, "demo".toCharArray());
            consoles.add(StreamClient.open(who, c, StreamOptions.defaults()
                    .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1))));
            watching.add(c);
        }

        Set<String> ackedRequests = new HashSet<>();
        Map<String, String> winners = new HashMap<>();
        int call = 0;
        try (PostgresGatewayStore store = database.open()) {
            for (int round = 0; round < ROUNDS; round++) {
                GatewayProcess victim = gateways.get(random.nextInt(gateways.size()));
                long killAfter = random.nextInt(1500);
                CompletableFuture<Void> kill = CompletableFuture.runAsync(() -> {
                    sleep(killAfter);
                    try {
                        victim.kill();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                List<String> calls = new ArrayList<>();
                for (int agent = 1; agent <= 3; agent++) {
                    String id = "call-" + (++call);
                    postEvents(event("e-start-" + call, "interaction.started", id,
                            ",\"channel\":\"VOICE\",\"agentId\":\"agent" + agent
                                    + "\",\"customerName\":\"Ada\",\"queue\":\"Billing\""));
                    calls.add(id);
                }
                for (int agent = 1; agent <= 3; agent++) {
                    String interactionId = huddleIdOf(store, calls.get(agent - 1));
                    String request = raise("agent" + agent, interactionId);
                    ackedRequests.add(request);
                    winners.put(request, acceptRace(request));
                }
                kill.join();
                for (String id : calls) { // the calls end, one event each, re-sent until acknowledged
                    postEvents(event("e-end-" + id, "interaction.ended", id, ""));
                }
                victim.start(Duration.ofSeconds(90));

                // nothing acknowledged lost or doubled
                for (String id : ackedRequests) {
                    HelpRequest stored = store.findHelpRequest(id).orElseThrow(() ->
                            new AssertionError("acknowledged help request " + id + " is not in the database"));
                    assertThat(stored.helpProvidedBy()).as("the one winner of %s's accept race", id)
                            .isEqualTo(winners.get(id));
                }
                assertThat(duplicates(store)).as("platform calls or help requests doubled (seed %d)", seed).isEmpty();
                for (Console c : watching) {
                    assertThat(c.positions).as("an event applied twice (seed %d)", seed).doesNotHaveDuplicates();
                }
                // every console converges to the database's floor
                await().atMost(CONVERGE).untilAsserted(() -> {
                    Set<String> live = store.liveInteractions().stream().filter(i -> i.tenant().equals(TENANT)
                            && i.domain().equals("support")).map(Interaction::id).collect(Collectors.toSet());
                    Map<String, String> open = store.openHelpRequests().stream()
                            .filter(r -> r.tenant().equals(TENANT) && r.domain().equals("support"))
                            .collect(Collectors.toMap(HelpRequest::id, r -> r.status().name()));
                    for (Console c : watching) {
                        assertThat(c.floor.interactions().keySet()).isEqualTo(live);
                        assertThat(c.floor.helpRequests().values().stream().collect(Collectors.toMap(
                                h -> h.id(), h -> h.status().name()))).isEqualTo(open);
                    }
                });
                LOG.info("round {}: gateway on port {} killed after {} ms; {} help requests so far, all accounted",
                        round, victim.port(), killAfter, ackedRequests.size());
            }
        }
        assertThat(ackedRequests).hasSize(3 * ROUNDS);
    }

    /** Rows the database holds twice: a platform call with two interactions, an interaction with two requests. */
    private static List<String> duplicates(PostgresGatewayStore store) throws Exception {
        var db = database.settings();
        List<String> found = new ArrayList<>();
        try (var c = java.sql.DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             var s = c.createStatement()) {
            try (var rs = s.executeQuery("SELECT platform_id FROM interactions WHERE platform_id IS NOT NULL "
                    + "GROUP BY tenant, platform_id HAVING count(*) > 1")) {
                while (rs.next()) {
                    found.add("call " + rs.getString(1));
                }
            }
            try (var rs = s.executeQuery("SELECT interaction_id FROM help_requests GROUP BY interaction_id "
                    + "HAVING count(*) > 1")) {
                while (rs.next()) {
                    found.add("help on " + rs.getString(1));
                }
            }
        }
        return found;
    }

    private void connectPlatform() throws Exception {
        HttpResponse<String> put = send("PUT", "/api/v1/tenant/platform", token("admin1"),
                "{\"callControlUrl\":\"http://127.0.0.1:9/controls\"}", Map.of());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        HttpResponse<String> s = send("POST", "/api/v1/tenant/platform/secret", token("admin1"), null, Map.of());
        assertThat(s.statusCode()).as(s.body()).isEqualTo(201);
        secret = Json.newMapper().readTree(s.body()).get("secret").asText();
    }

    private static String event(String id, String type, String call, String more) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"at\":\"" + Instant.now() + "\",\"interactionId\":\""
                + call + "\"" + more + "}";
    }

    /** Posts a batch as a platform would: again, the same ids, until the gateway acknowledges it. */
    private void postEvents(String... events) {
        String body = "{\"events\":[" + String.join(",", events) + "]}";
        retrying("platform events", () -> {
            String signature = PlatformSignature.header(secret, Instant.now(), body.getBytes(StandardCharsets.UTF_8));
            return send("POST", "/api/v1/platform/events", null, body,
                    Map.of("Huddle-Tenant", TENANT, "Huddle-Signature", signature));
        }, 200);
    }

    /** The gateway's id of a platform call, once the call has started. */
    private static String huddleIdOf(PostgresGatewayStore store, String call) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> store.liveInteractions().stream()
                .filter(i -> call.equals(i.platformId())).map(Interaction::id).findFirst(), o -> o.isPresent())
                .orElseThrow();
    }

    /** Raises help as the agent's window would, again after a dropped connection; answers its id. */
    private String raise(String agent, String interactionId) throws Exception {
        String body = "{\"interactionId\":\"" + interactionId + "\",\"reason\":\"Other\"}";
        for (int attempt = 0; attempt < 60; attempt++) {
            HttpResponse<String> r = trySend("POST", "/api/v1/help-requests", token(agent), body);
            if (r != null && r.statusCode() == 201) {
                return Json.newMapper().readTree(r.body()).get("id").asText();
            }
            if (r != null && r.statusCode() == 409) { // an earlier attempt got there: its request is the one
                HttpResponse<String> mine = trySend("GET", "/api/v1/help-requests?limit=500", token(agent), null);
                if (mine != null && mine.statusCode() == 200) {
                    for (JsonNode h : Json.newMapper().readTree(mine.body()).path("items")) {
                        if (interactionId.equals(h.path("interactionId").asText())) {
                            return h.path("id").asText();
                        }
                    }
                }
                LOG.info("help on {}: 409 {}; again", interactionId, r.body());
            }
            sleep(200);
        }
        throw new AssertionError("help on " + interactionId + " was never acknowledged");
    }

    /** Two supervisors accept at once (each again after a dropped connection); answers who won, as they heard. */
    private String acceptRace(String request) {
        List<CompletableFuture<String>> racers = new ArrayList<>();
        for (String supervisor : List.of("supervisor1", "supervisor2")) {
            racers.add(CompletableFuture.supplyAsync(() -> {
                for (int attempt = 0; attempt < 60; attempt++) {
                    HttpResponse<String> r = trySend("POST", "/api/v1/help-requests/" + request + "/accept",
                            token(supervisor), null);
                    if (r != null && r.statusCode() == 200) {
                        return "acme:" + supervisor;
                    }
                    if (r != null && r.statusCode() == 409) {
                        return null; // lost, or won by an attempt whose answer was lost: the database says which
                    }
                    sleep(200);
                }
                throw new AssertionError(supervisor + "'s accept of " + request + " never got an answer");
            }));
        }
        List<String> heard = racers.stream().map(CompletableFuture::join).filter(w -> w != null).toList();
        assertThat(heard).as("supervisors told they won %s", request).hasSizeLessThanOrEqualTo(1);
        return heard.isEmpty() ? winnerIn(request) : heard.get(0);
    }

    private String winnerIn(String request) {
        try (PostgresGatewayStore store = database.open()) {
            return store.findHelpRequest(request).orElseThrow().helpProvidedBy();
        }
    }

    private String token(String user) {
        synchronized (tokens) {
            return tokens.computeIfAbsent(user, u -> GatewayClient.signIn(base, TENANT, u, "demo".toCharArray())
                    .token());
        }
    }

    private interface Call {
        HttpResponse<String> send() throws IOException, InterruptedException;
    }

    private void retrying(String what, Call call, int expected) {
        for (int attempt = 0; attempt < 60; attempt++) {
            try {
                HttpResponse<String> r = call.send();
                if (r.statusCode() == expected) {
                    return;
                }
                LOG.info("{}: {} {}; again", what, r.statusCode(), r.body());
            } catch (IOException e) {
                LOG.info("{}: {}; again", what, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            sleep(200);
        }
        throw new AssertionError(what + " never acknowledged");
    }

    private HttpResponse<String> trySend(String method, String path, String token, String body) {
        try {
            HttpResponse<String> r = send(method, path, token, body, Map.of());
            return r.statusCode() >= 500 ? null : r;
        } catch (IOException e) {
            return null; // the gateway went away mid-request: as a client would, try again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private HttpResponse<String> send(String method, String path, String token, String body,
                                      Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = ContractHttp.request(base.resolve(path), method, token, body)
                .timeout(Duration.ofSeconds(10));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
