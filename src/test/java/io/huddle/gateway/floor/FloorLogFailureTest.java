package io.huddle.gateway.floor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huddle.domain.Channel;
import io.huddle.domain.Interaction;
import io.huddle.domain.InteractionState;
import io.huddle.domain.Participant;
import io.huddle.domain.TenantSettings;
import io.huddle.gateway.store.FloorLog;
import io.huddle.gateway.store.GatewayStore;
import io.huddle.gateway.store.InterceptedStore;
import io.huddle.gateway.store.SqliteGatewayStore;
import io.huddle.gateway.store.StoreException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A floor change whose commit fails while the database is away: the floor in memory may hold what never committed,
 * so it is loaded again; when even that fails, it stays marked and the next change loads it before deciding
 * anything, and refuses to decide while it cannot. The floor log here is a stand-in whose commit and reads fail on
 * demand, over a real store.
 */
class FloorLogFailureTest {
    @TempDir
    Path dir;

    /** A floor log of one instance that can lose its database: the commit, the reads, or both. */
    private static final class FlakyLog implements FloorLog {
        final AtomicBoolean commitFails = new AtomicBoolean();
        final AtomicBoolean readsFail = new AtomicBoolean();
        final AtomicInteger snapshots = new AtomicInteger();
        long head;

        private static StoreException away() {
            return new StoreException("the database went away", new SQLException("connection refused", "08001"));
        }

        @Override
        public <T> Done<T> change(String tenant, long position, Change<T> change) {
            Recorded<T> r = change.run();
            if (commitFails.get()) {
                throw away();
            }
            return new Done<>(r.result(), r.ops() == null ? 0 : ++head);
        }

        @Override
        public <T> T snapshot(String tenant, LongFunction<T> read) {
            snapshots.incrementAndGet();
            if (readsFail.get()) {
                throw away();
            }
            return read.apply(head);
        }

        @Override
        public <T> T snapshotAll(Function<Map<String, Long>, T> read) {
            return read.apply(Map.of());
        }

        @Override
        public List<Entry> after(String tenant, long position, int limit) {
            return List.of();
        }

        @Override
        public Map<String, Long> heads() {
            return Map.of();
        }

        @Override
        public java.util.Optional<CommandRecord> command(Command command) {
            return java.util.Optional.empty();
        }

        @Override
        public void answered(Command command, String frame) {
        }

        @Override
        public boolean awaitWrites(Duration max) {
            return false;
        }

        @Override
        public int purge(Instant before, Instant commandsBefore) {
            return 0;
        }

        @Override
        public void reportPresence(Map<String, String> presenceByUser) {
        }

        @Override
        public Map<String, List<String>> presence(Duration fresh) {
            return Map.of();
        }

        @Override
        public void close() {
        }
    }

    private static Interaction call(String id, Instant at) {
        return new Interaction(id, "acme", "support", Channel.VOICE, "acme:agent1", "Agent One", "Ada", "Billing", at,
                InteractionState.ACTIVE, false, List.of(new Participant("cust-" + id, "Ada",
                Participant.Kind.CUSTOMER, null, null, at)), null);
    }

    @Test
    void aFloorThatCouldNotBeLoadedAgainIsLoadedBeforeTheNextChangeAndDecidesNothingMeanwhile() {
        try (SqliteGatewayStore real = SqliteGatewayStore.open(dir.resolve("gateway.db"))) {
            real.saveTenantSettings(TenantSettings.defaults("acme"));
            FlakyLog log = new FlakyLog();
            GatewayStore store = InterceptedStore.of(real, (method, args, call) ->
                    method.equals("floorLog") ? java.util.Optional.of(log) : call.call());
            Floors floors = new FloorRestore(store, Clock.systemUTC()).restore();
            PlatformSide floor = new PlatformSide(floors);
            Instant at = Instant.now();

            log.commitFails.set(true);
            log.readsFail.set(true);
            assertThatThrownBy(() -> floor.startInteraction(call("ix-1", at))).isInstanceOf(StoreException.class)
                    .satisfies(e -> assertThat(e.getSuppressed()).as("the failed reload, kept with the failure")
                            .hasSize(1));
            assertThat(floors.tenant("acme").stale).as("the floor may hold what never committed").isTrue();

            log.commitFails.set(false); // the database is back for writes, not yet for reads
            int before = log.snapshots.get();
            assertThatThrownBy(() -> floor.startInteraction(call("ix-2", at))).isInstanceOf(StoreException.class);
            assertThat(log.snapshots.get()).as("it tried to load the floor first").isEqualTo(before + 1);
            assertThat(real.liveInteractions()).extracting(Interaction::id).as("and decided nothing meanwhile")
                    .doesNotContain("ix-2");

            log.readsFail.set(false);
            floor.startInteraction(call("ix-3", at));
            assertThat(floors.tenant("acme").stale).isFalse();
            assertThat(floor.liveInteractions("acme")).extracting(Interaction::id)
                    .as("the floor as the database has it, and the new change").containsExactlyInAnyOrder(
                            real.liveInteractions().stream().map(Interaction::id).toArray(String[]::new));
        }
    }
}
