package io.huddle.gateway.floor;

import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.domain.TenantSettings;
import io.huddle.gateway.store.GatewayStore;
import io.huddle.gateway.store.InterceptedStore;
import io.huddle.gateway.store.SqliteGatewayStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tenant's floor made for the first time reads the database; while it does, other tenants' floors are not held
 * up, and two threads asking for the same new tenant at once get the same floor.
 */
class UnseenTenantLoadTest {
    @TempDir
    Path dir;

    @Test
    void aSlowFirstReadOfOneTenantHoldsNoOtherTenantUp() throws Exception {
        // "Aa" and "BB" have the same hash code, so a map that held its bin while reading would make BB wait
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try (SqliteGatewayStore real = SqliteGatewayStore.open(dir.resolve("gateway.db"))) {
            GatewayStore store = InterceptedStore.of(real, (method, args, call) -> {
                if (method.equals("tenantSettings") && "Aa".equals(args[0])) {
                    reading.countDown();
                    release.await(30, TimeUnit.SECONDS);
                    return Optional.of(TenantSettings.defaults("Aa"));
                }
                return call.call();
            });
            Floors floors = new Floors(store, Clock.systemUTC());
            CompletableFuture<TenantFloor> slow = CompletableFuture.supplyAsync(() -> floors.tenant("Aa"), threads);
            CompletableFuture<TenantFloor> alsoSlow =
                    CompletableFuture.supplyAsync(() -> floors.tenant("Aa"), threads);
            assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();

            TenantFloor other = CompletableFuture.supplyAsync(() -> floors.tenant("BB"), threads)
                    .get(10, TimeUnit.SECONDS);
            assertThat(other.tenant).isEqualTo("BB");
            assertThat(slow).isNotDone();

            release.countDown();
            TenantFloor first = slow.get(10, TimeUnit.SECONDS);
            assertThat(alsoSlow.get(10, TimeUnit.SECONDS)).as("one floor per tenant").isSameAs(first);
            assertThat(floors.tenant("Aa")).isSameAs(first);
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }
}
