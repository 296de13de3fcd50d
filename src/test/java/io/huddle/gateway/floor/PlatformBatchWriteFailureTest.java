package io.huddle.gateway.floor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huddle.domain.Channel;
import io.huddle.domain.Role;
import io.huddle.domain.TenantSettings;
import io.huddle.domain.User;
import io.huddle.gateway.store.GatewayStore;
import io.huddle.gateway.store.InterceptedStore;
import io.huddle.gateway.store.SqliteGatewayStore;
import io.huddle.gateway.store.StoreException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch whose write fails (the disk, or the gateway dying in the middle) changes nothing, in the store or
 * on the floor, and publishes nothing; the platform's re-delivery of the same batch then applies it once.
 */
class PlatformBatchWriteFailureTest {
    @TempDir
    Path dir;

    @Test
    void aFailedWriteAppliesNothingAndTheRedeliveryAppliesOnce() {
        try (SqliteGatewayStore real = SqliteGatewayStore.open(dir.resolve("gateway.db"))) {
            real.saveTenantSettings(TenantSettings.defaults("acme"));
            User agent = new User("acme:agent1", "acme", "support", "agent1", "Agent One", Set.of(Role.AWA_AGENT),
                    "agent1");
            real.saveUser(agent, null);
            AtomicBoolean failNext = new AtomicBoolean(true);
            GatewayStore store = InterceptedStore.of(real, (method, args, call) -> {
                if (method.equals("savePlatformEvents") && failNext.getAndSet(false)) {
                    throw new StoreException("the disk is full", null);
                }
                return call.call();
            });
            Floors floors = new FloorRestore(store, Clock.systemUTC()).restore();
            PlatformSide floor = new PlatformSide(floors);
            List<FloorEvent> published = new CopyOnWriteArrayList<>();
            floors.addListener(published::add);
            Instant at = Instant.now();
            List<PlatformFact> batch = List.of(
                    new PlatformFact.Started("e1", at, "CA-1", Channel.VOICE, agent, "Ada", "Billing"),
                    new PlatformFact.Line("e2", at, "CA-1", io.huddle.domain.TranscriptLine.Speaker.CUSTOMER, "Hi"));

            assertThatThrownBy(() -> floor.applyPlatformFacts("acme", batch)).isInstanceOf(StoreException.class);
            assertThat(floor.liveInteractions("acme")).isEmpty();
            assertThat(published).isEmpty();
            assertThat(real.seenPlatformEvents("acme", List.of("e1", "e2"))).isEmpty();
            assertThat(real.findInteractionByPlatformId("acme", "CA-1")).isEmpty();

            assertThat(floor.applyPlatformFacts("acme", batch)).isEqualTo(new PlatformFact.Outcome(2, 0, 0));
            assertThat(floor.liveInteractions("acme")).hasSize(1);
            assertThat(published).hasSize(2);
            assertThat(floor.applyPlatformFacts("acme", batch)).isEqualTo(new PlatformFact.Outcome(0, 2, 0));
            assertThat(published).hasSize(2);
        }
    }
}
