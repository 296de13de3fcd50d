package io.huddle.gateway.store;

import static io.huddle.gateway.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huddle.domain.Channel;
import io.huddle.domain.Interaction;
import io.huddle.domain.InteractionState;
import io.huddle.domain.PlatformConnection;
import io.huddle.domain.Role;
import io.huddle.domain.User;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The platform's part of the store: connections, platform ids, and each event id kept once with its changes.
 *
 * A contract of every store engine: run on SQLite by {@link SqlitePlatformStoreTest}
 * and on PostgreSQL by {@link PostgresPlatformStoreTest}.
 */
abstract class PlatformStoreContract {

    /** Opens the engine's store on this test's database: again after a close, on the same rows. */
    abstract GatewayStore openStore();

    private static Interaction call(String id, String platformId) {
        return new Interaction(id, "acme", "support", Channel.VOICE, "acme:agent1", "Agent One", "Ada", "Billing", T0,
                InteractionState.ACTIVE, false, List.of(), null, platformId);
    }

    @Test
    void connectionsAndPlatformIdsSurviveAReopen() {
        try (GatewayStore s = openStore()) {
            s.savePlatformConnection(new PlatformConnection("acme", "https://cc.test/x", "whsec_1", T0));
            s.saveUser(new User("acme:agent1", "acme", "support", "agent1", "Agent One", Set.of(Role.AWA_AGENT),
                    "A-17"), null);
            s.saveInteraction(call("ix-1", "CA-1"));
        }
        try (GatewayStore s = openStore()) {
            assertThat(s.platformConnection("acme")).contains(
                    new PlatformConnection("acme", "https://cc.test/x", "whsec_1", T0));
            assertThat(s.platformConnection("globex")).isEmpty();
            assertThat(s.findUserByPlatformId("acme", "A-17")).get().extracting(User::id).isEqualTo("acme:agent1");
            assertThat(s.findUserByPlatformId("globex", "A-17")).isEmpty();
            assertThat(s.findInteractionByPlatformId("acme", "CA-1")).get().extracting(Interaction::platformId)
                    .isEqualTo("CA-1");
            assertThat(s.findInteractionByPlatformId("globex", "CA-1")).isEmpty();
        }
    }

    @Test
    void aSecondPlatformUserWithTheSameIdInATenantIsRefused() {
        try (GatewayStore s = openStore()) {
            s.saveUser(new User("acme:a", "acme", "support", "a", "A", Set.of(Role.AWA_AGENT), "P-1"), null);
            assertThatThrownBy(() -> s.saveUser(new User("acme:b", "acme", "support", "b", "B",
                    Set.of(Role.AWA_AGENT), "P-1"), null)).isInstanceOf(StoreException.class);
            s.saveUser(new User("globex:a", "globex", "support", "a", "A", Set.of(Role.AWA_AGENT), "P-1"), null);
        }
    }

    @Test
    void eventIdsAreKeptWithTheirChangesAndAReplayWritesNothing() {
        try (GatewayStore s = openStore()) {
            s.savePlatformEvents("acme", List.of("e1", "e2"), T0, List.of(), List.of(), List.of(call("ix-1", "CA-1")));
            assertThat(s.seenPlatformEvents("acme", List.of("e1", "e2", "e3"))).containsExactlyInAnyOrder("e1", "e2");
            assertThat(s.seenPlatformEvents("globex", List.of("e1"))).isEmpty();

            assertThatThrownBy(() -> s.savePlatformEvents("acme", List.of("e3", "e2"), T0, List.of(), List.of(),
                    List.of(call("ix-2", "CA-2")))).isInstanceOf(StoreException.class);
            assertThat(s.seenPlatformEvents("acme", List.of("e3"))).as("rolled back whole").isEmpty();
            assertThat(s.findInteraction("ix-2")).isEmpty();
        }
    }

    @Test
    void oldEventIdsAreForgottenOldestFirstInBatches() {
        try (GatewayStore s = openStore()) {
            s.savePlatformEvents("acme", List.of("old-1", "old-2", "old-3"), T0, List.of(), List.of(), List.of());
            s.savePlatformEvents("globex", List.of("new-1"), T0.plusSeconds(3600), List.of(), List.of(), List.of());
            assertThat(s.deletePlatformEventsBefore(T0.plusSeconds(60), 2)).isEqualTo(2);
            assertThat(s.deletePlatformEventsBefore(T0.plusSeconds(60), 2)).isEqualTo(1);
            assertThat(s.deletePlatformEventsBefore(T0.plusSeconds(60), 2)).isZero();
            assertThat(s.seenPlatformEvents("acme", List.of("old-1", "old-2", "old-3"))).isEmpty();
            assertThat(s.seenPlatformEvents("globex", List.of("new-1"))).containsExactly("new-1");
        }
    }
}
