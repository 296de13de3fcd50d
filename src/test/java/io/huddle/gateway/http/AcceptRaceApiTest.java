package io.huddle.gateway.http;

import static io.huddle.gateway.http.Api.V1;
import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.domain.HelpRequest;
import io.huddle.domain.HelpRequestStatus;
import io.huddle.domain.Role;
import io.huddle.domain.User;
import io.huddle.gateway.auth.PasswordHasher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many supervisors accept the same request at the same instant: exactly one wins, everyone is told who. */
class AcceptRaceApiTest {
    static final int EXTRA = 6;
    @TempDir
    static Path dir;
    static Api api;
    static List<String> racers = new ArrayList<>();
    static ExecutorService pool;

    @BeforeAll
    static void start() {
        api = Api.start(dir);
        String hash = new PasswordHasher(1000).hash("demo".toCharArray());
        for (int i = 1; i <= EXTRA; i++) {
            api.gw.server().store().saveUser(new User("acme:racer" + i, "acme", "support", "racer" + i, "Racer " + i,
                    Set.of(Role.AWA_MANAGER)), hash);
            racers.add("acme:racer" + i);
        }
        // the two demo supervisors twice each: a supervisor racing against themselves as well
        racers.addAll(List.of("acme:supervisor1", "acme:supervisor2", "acme:supervisor1", "acme:supervisor2"));
        racers.forEach(api::token);
        pool = Executors.newFixedThreadPool(racers.size() + 1);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        api.close();
    }

    /** Runs every call on its own thread, released together by one start gate. */
    static List<Api.Res> together(List<String> who, Function<String, Api.Res> call) throws Exception {
        CountDownLatch ready = new CountDownLatch(who.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Api.Res>> futures = new ArrayList<>();
        for (String w : who) {
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return call.apply(w);
            }));
        }
        assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        List<Api.Res> out = new ArrayList<>();
        for (Future<Api.Res> f : futures) {
            out.add(f.get(30, TimeUnit.SECONDS));
        }
        return out;
    }

    @RepeatedTest(20)
    void exactlyOneAcceptWinsAndTheOthersAreToldWho() throws Exception {
        String ix = api.interaction("acme:agent1");
        String hr = api.raised("acme:agent1", ix);
        List<Api.Res> results = together(racers, w -> api.accept(w, hr));

        List<Api.Res> wins = results.stream().filter(r -> r.status() == 200).toList();
        assertThat(wins).as("winners among %s", results).hasSize(1);
        String winnerId = wins.get(0).json().get("helpProvidedBy").asText();
        String winnerName = wins.get(0).json().get("helpProvidedByName").asText();
        assertThat(racers.get(results.indexOf(wins.get(0)))).isEqualTo(winnerId);
        for (Api.Res r : results) {
            if (r != wins.get(0)) {
                r.expectError(409, "conflict", "help request " + hr + " was already accepted by " + winnerName);
            }
        }
        HelpRequest stored = api.gw.server().store().findHelpRequest(hr).orElseThrow();
        assertThat(stored.status()).isEqualTo(HelpRequestStatus.IN_PROGRESS);
        assertThat(stored.helpProvidedBy()).isEqualTo(winnerId);
        assertThat(stored.acceptedAt().toString()).isEqualTo(
                java.time.Instant.parse(wins.get(0).json().get("acceptedAt").asText()).toString());
        assertThat(api.gw.server().floorReads().openRequestOn("acme", ix)).isEqualTo(stored);
        api.act(winnerId, ix, "COACH").expect(201);
    }

    @RepeatedTest(10)
    void cancelRacingAcceptsEndsInExactlyOneOutcome() throws Exception {
        String ix = api.interaction("acme:agent2");
        String hr = api.raised("acme:agent2", ix);
        List<String> who = new ArrayList<>(racers.subList(0, 4));
        who.add("acme:agent2");
        List<Api.Res> results = together(who, w -> w.equals("acme:agent2")
                ? api.post(V1 + "/help-requests/" + hr + "/cancel", w, null) : api.accept(w, hr));

        Api.Res cancel = results.get(4);
        long accepted = results.subList(0, 4).stream().filter(r -> r.status() == 200).count();
        HelpRequest stored = api.gw.server().store().findHelpRequest(hr).orElseThrow();
        if (cancel.status() == 200) {
            assertThat(accepted).isZero();
            assertThat(stored.status()).isEqualTo(HelpRequestStatus.CANCELLED);
            results.subList(0, 4).forEach(r -> r.expectError(409, "conflict",
                    "help request is CANCELLED and cannot become IN_PROGRESS"));
        } else {
            cancel.expectError(409, "conflict", "help request is IN_PROGRESS and cannot become CANCELLED");
            assertThat(accepted).isEqualTo(1);
            assertThat(stored.status()).isEqualTo(HelpRequestStatus.IN_PROGRESS);
        }
        assertThat(results).allMatch(r -> r.status() == 200 || r.status() == 409);
    }

    @Test
    void racingRaisesOnOneInteractionLeaveOneOpenRequest() throws Exception {
        String ix = api.interaction("acme:agent3");
        List<String> same = List.of("acme:agent3", "acme:agent3", "acme:agent3", "acme:agent3", "acme:agent3");
        List<Api.Res> results = together(same, w -> api.raise(w, ix));
        assertThat(results.stream().filter(r -> r.status() == 201)).hasSize(1);
        assertThat(results.stream().filter(r -> r.status() == 409)).hasSize(4)
                .allMatch(r -> r.message().contains("already has a help request"));
        assertThat(api.gw.server().store().openHelpRequests().stream()
                .filter(r -> r.interactionId().equals(ix))).hasSize(1);
    }
}
