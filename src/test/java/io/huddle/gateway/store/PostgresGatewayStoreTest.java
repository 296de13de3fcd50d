package io.huddle.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The store contract on PostgreSQL, and what only a database shared by several gateways can get wrong. */
class PostgresGatewayStoreTest extends GatewayStoreContract {
    @RegisterExtension
    static final FreshPostgres database = new FreshPostgres();

    @Override
    GatewayStore openStore() {
        return database.open();
    }

    @RepeatedTest(3)
    void ofTwoGatewaysTakingOneSignOnAttemptAtOnceExactlyOneGetsIt() throws Exception {
        SsoAttempt attempt = new SsoAttempt("state-digest", "acme", "https://idp.example", "nonce",
                "https://gw.example/sso/callback", Instant.parse("2030-01-01T00:00:00Z"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (GatewayStore first = database.open(); GatewayStore second = database.open()) {
            first.saveSsoAttempt(attempt);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Optional<SsoAttempt>>> takes = new ArrayList<>();
            for (GatewayStore gateway : List.of(first, second)) {
                takes.add(pool.submit(() -> {
                    go.await();
                    return gateway.takeSsoAttempt("state-digest");
                }));
            }
            go.countDown();
            List<Optional<SsoAttempt>> taken = new ArrayList<>();
            for (Future<Optional<SsoAttempt>> take : takes) {
                taken.add(take.get(10, TimeUnit.SECONDS));
            }
            assertThat(taken).filteredOn(Optional::isPresent).containsExactly(Optional.of(attempt));
            assertThat(first.takeSsoAttempt("state-digest")).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }
}
