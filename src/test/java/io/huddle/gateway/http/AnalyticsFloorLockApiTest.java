package io.huddle.gateway.http;

import static io.huddle.gateway.http.Api.V1;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huddle.domain.EscalationSettings;
import io.huddle.domain.TenantSettings;
import io.huddle.domain.User;
import io.huddle.gateway.analytics.AnalyticsFixture;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Analytics read the tenant's service level without the tenant's floor lock: a long change of the floor (such as
 * the escalation ladder catching up after a stop) holds that lock, and the answers must not wait for it.
 */
class AnalyticsFloorLockApiTest extends ApiTest {
    private static final String QUERY = "/analytics/help-requests?from=2026-02-03T10:00:00Z&to=2026-02-03T12:00:00Z"
            + "&groupBy=hour";

    private JsonNode ask() {
        return api.get(V1 + QUERY, "acme:supervisor1").expect(200).json();
    }

    @Test
    void analyticsAnswerWhileTheTenantsFloorLockIsHeld() throws Exception {
        AnalyticsFixture.load(api.gw.server().store());
        assertThat(ask().get("acceptWithinSeconds").asDouble()).isEqualTo(60.0); // signed in, before the lock
        User admin = api.gw.server().store().findUserById("acme:admin1").orElseThrow();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // a change of the floor that holds the tenant's lock until told to let go
        CompletableFuture<TenantSettings> holder = CompletableFuture.supplyAsync(() ->
                api.gw.server().floorSettings().updateSettings(admin, s -> {
                    held.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return s;
                }));
        try {
            assertThat(held.await(10, TimeUnit.SECONDS)).as("the floor lock is taken").isTrue();
            JsonNode a = CompletableFuture.supplyAsync(this::ask).get(10, TimeUnit.SECONDS);
            assertThat(a.get("acceptWithinSeconds").asDouble()).isEqualTo(60.0);
            assertThat(a.get("total").get("requests").asLong()).isEqualTo(6);
            assertThat(holder).isNotDone(); // it was answered while the lock was still held
        } finally {
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
        }

        // a changed service level is what the next answer is held against
        api.gw.server().floorSettings().updateSettings(admin, s -> new TenantSettings(s.tenant(),
                s.monitoringEnabled(), s.monitoredChannels(), s.helpReasons(), s.storeMessageText(),
                new EscalationSettings(30, 90, 120, List.of())));
        JsonNode after = ask();
        assertThat(after.get("acceptWithinSeconds").asDouble()).isEqualTo(120.0);
        assertThat(after.get("total").get("breaches").asLong()).isEqualTo(1); // r6, pending past 120 s
    }
}
