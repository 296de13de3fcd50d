package io.huddle.gateway.http;

import static io.huddle.gateway.http.Api.V1;
import static io.huddle.gateway.http.Api.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/** Guessing passwords in parallel must not get more than five tries a minute past the limit. */
class SignInThrottleRaceApiTest {
    static final int GUESSES = 16;
    @TempDir
    Path dir;
    Api api;
    ExecutorService pool;

    @BeforeEach
    void start() {
        api = Api.start(dir);
        pool = Executors.newFixedThreadPool(GUESSES);
    }

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        api.close();
    }

    @RepeatedTest(3)
    void parallelWrongPasswordsGetAtMostFiveAnswersOf401() throws Exception {
        CountDownLatch ready = new CountDownLatch(GUESSES);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Api.Res>> futures = new ArrayList<>();
        for (int i = 0; i < GUESSES; i++) {
            String guess = "guess" + i;
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return api.post(V1 + "/sessions", null, body("tenant", "acme", "username", "agent1",
                        "password", guess));
            }));
        }
        assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Api.Res> f : futures) {
            statuses.add(f.get(30, TimeUnit.SECONDS).status());
        }
        assertThat(statuses).allMatch(s -> s == 401 || s == 429);
        assertThat(statuses.stream().filter(s -> s == 401).count()).as("passwords actually checked: %s", statuses)
                .isLessThanOrEqualTo(5);
        api.post(V1 + "/sessions", null, body("tenant", "acme", "username", "agent1", "password", "demo"))
                .expectError(429, "rate_limited", "too many failed sign-ins");
    }
}
