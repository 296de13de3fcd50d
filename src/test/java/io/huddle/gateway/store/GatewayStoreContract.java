package io.huddle.gateway.store;

import static io.huddle.gateway.store.StoreFixtures.T0;
import static io.huddle.gateway.store.StoreFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huddle.domain.ActionType;
import io.huddle.domain.Channel;
import io.huddle.domain.HelpRequest;
import io.huddle.domain.HelpRequestStatus;
import io.huddle.domain.Interaction;
import io.huddle.domain.InteractionState;
import io.huddle.domain.Role;
import io.huddle.domain.SupervisorAction;
import io.huddle.domain.TenantSettings;
import io.huddle.domain.User;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A contract of every store engine: run on SQLite by {@link SqliteGatewayStoreTest}
 * and on PostgreSQL by {@link PostgresGatewayStoreTest}.
 */
abstract class GatewayStoreContract {

    /** Opens the engine's store on this test's database: again after a close, on the same rows. */
    abstract GatewayStore openStore();

    private GatewayStore store;

    @BeforeEach
    void open() {
        store = openStore();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void userRoundTripsWithEveryField() {
        User sue = StoreFixtures.user("u1", "acme", "sue");
        store.saveUser(sue, "$argon2id$hash");

        assertThat(store.findUserById("u1")).contains(sue);
        assertThat(store.findUser("acme", "sue")).contains(sue);
        assertThat(store.passwordHash("u1")).contains("$argon2id$hash");
        assertThat(store.findUserById("u1").orElseThrow().roles()).containsExactlyInAnyOrder(Role.AWA_MANAGER,
                Role.AUDITOR);
    }

    @Test
    void userWithNullsAndNoRolesRoundTrips() {
        User bare = new User("u2", "acme", "support", "bare", null, Set.of());
        store.saveUser(bare, null);

        assertThat(store.findUserById("u2")).contains(bare);
        assertThat(store.passwordHash("u2")).isEmpty();
        assertThat(store.passwordHash("nobody")).isEmpty();
        assertThat(store.findUserById("nobody")).isEmpty();
        assertThat(store.findUser("other", "bare")).isEmpty();
    }

    @Test
    void usersListsOneTenantOrderedByUsername() {
        store.saveUser(StoreFixtures.user("u1", "acme", "zed"), "h");
        store.saveUser(StoreFixtures.user("u2", "acme", "amy"), "h");
        store.saveUser(StoreFixtures.user("u3", "globex", "bob"), "h");
        store.saveUser(StoreFixtures.user("u4", "globex", "amy"), "h");

        assertThat(store.users("acme")).extracting(User::id).containsExactly("u2", "u1");
        assertThat(store.users("globex")).extracting(User::id).containsExactly("u4", "u3");
        assertThat(store.users("initech")).isEmpty();
    }

    @Test
    void saveUserReplacesTheWholeRow() {
        store.saveUser(StoreFixtures.user("u1", "acme", "sue"), "old");
        User renamed = new User("u1", "acme", "support", "susan", "Susan S", Set.of(Role.AWA_AGENT));
        store.saveUser(renamed, "new");

        assertThat(store.findUserById("u1")).contains(renamed);
        assertThat(store.findUser("acme", "sue")).isEmpty();
        assertThat(store.findUser("acme", "susan")).contains(renamed);
        assertThat(store.passwordHash("u1")).contains("new");
        assertThat(store.users("acme")).hasSize(1);
    }

    @Test
    void aPasswordHashIsReplacedOnlyWhileItIsStillTheExpectedOne() {
        store.saveUser(StoreFixtures.user("u1", "acme", "sue"), "first");
        store.saveUser(StoreFixtures.user("u2", "acme", "amy"), "first");

        assertThat(store.replacePasswordHash("u1", "stale", "second")).isFalse();
        assertThat(store.passwordHash("u1")).contains("first");
        assertThat(store.replacePasswordHash("u1", "first", "second")).isTrue();
        assertThat(store.passwordHash("u1")).contains("second");
        assertThat(store.passwordHash("u2")).as("another user's hash is left alone").contains("first");
        assertThat(store.replacePasswordHash("nobody", "first", "second")).isFalse();
    }

    @Test
    void usernameTakenByAnotherUserOfTheTenantIsRefused() {
        User sue = StoreFixtures.user("u1", "acme", "sue");
        store.saveUser(sue, "h1");

        assertThatThrownBy(() -> store.saveUser(StoreFixtures.user("u2", "acme", "sue"), "h2"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("save user 'u2' failed")
                .hasMessageMatching("(?si).*unique.*");
        assertThat(store.findUser("acme", "sue")).contains(sue);
        assertThat(store.findUserById("u2")).isEmpty();
        store.saveUser(StoreFixtures.user("u3", "globex", "sue"), "h3"); // another tenant may reuse it
        assertThat(store.findUser("globex", "sue")).map(User::id).contains("u3");
    }

    @Test
    void sessionIsValidOnlyBeforeItsExpiry() {
        store.saveUser(StoreFixtures.user("u1", "acme", "sue"), "h");
        store.saveSession("digest-1", "u1", at(3600));

        assertThat(store.sessionUser("digest-1", T0)).contains("u1");
        assertThat(store.sessionUser("digest-1", at(3600).minusMillis(1))).contains("u1");
        assertThat(store.sessionUser("digest-1", at(3600))).isEmpty();
        assertThat(store.sessionUser("digest-1", at(7200))).isEmpty();
        assertThat(store.sessionUser("unknown", T0)).isEmpty();
    }

    @Test
    void sessionCanBeExtendedAndDeleted() {
        store.saveUser(StoreFixtures.user("u1", "acme", "sue"), "h");
        store.saveSession("digest-1", "u1", at(60));
        store.saveSession("digest-1", "u1", at(600));
        store.saveSession("digest-2", "u1", at(600));

        assertThat(store.sessionUser("digest-1", at(300))).contains("u1");
        store.deleteSession("digest-1");
        assertThat(store.sessionUser("digest-1", T0)).isEmpty();
        assertThat(store.sessionUser("digest-2", T0)).contains("u1");
        store.deleteSession("never-existed");
    }

    @Test
    void expiredSessionsAreDeletedOldestFirstAtMostALimitAtATimeAndLiveOnesStay() {
        store.saveUser(StoreFixtures.user("u1", "acme", "sue"), "h");
        store.saveSession("expired-10", "u1", at(10));
        store.saveSession("expired-20", "u1", at(20));
        store.saveSession("at-cutoff", "u1", at(30));
        store.saveSession("live", "u1", at(3600));

        assertThat(store.deleteSessionsExpiredBefore(at(30), 1)).isEqualTo(1);
        assertThat(store.sessionUser("expired-10", T0)).isEmpty();
        assertThat(store.sessionUser("expired-20", T0)).contains("u1");

        assertThat(store.deleteSessionsExpiredBefore(at(30), 100)).isEqualTo(1);
        assertThat(store.deleteSessionsExpiredBefore(at(30), 100)).isZero();
        store.close();
        store = openStore();
        assertThat(store.sessionUser("expired-20", T0)).isEmpty();
        assertThat(store.sessionUser("at-cutoff", T0)).contains("u1");
        assertThat(store.sessionUser("live", at(60))).contains("u1");
        assertThatThrownBy(() -> store.deleteSessionsExpiredBefore(at(30), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sessionOfAnUnknownUserIsRefusedByTheForeignKey() {
        assertThatThrownBy(() -> store.saveSession("digest-1", "ghost", at(60)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("save session of user 'ghost' failed")
                .hasMessageMatching("(?si).*foreign key.*");
        assertThat(store.sessionUser("digest-1", T0)).isEmpty();
    }

    @Test
    void tenantSettingsRoundTripAndReplace() {
        TenantSettings acme = StoreFixtures.tenant("acme");
        TenantSettings empty = new TenantSettings("globex", false, Set.of(), List.of(), false);
        store.saveTenantSettings(acme);
        store.saveTenantSettings(empty);

        assertThat(store.tenantSettings("acme")).contains(acme);
        assertThat(store.tenantSettings("acme").orElseThrow().helpReasons())
                .containsExactly("Escalation", "Billing \"dispute\"", "Ünïcødé ✓");
        assertThat(store.tenantSettings("globex")).contains(empty);
        assertThat(store.tenantSettings("initech")).isEmpty();

        TenantSettings changed = new TenantSettings("acme", false, Set.of(Channel.CHAT), List.of("Other"), false);
        store.saveTenantSettings(changed);
        assertThat(store.tenants()).containsExactly(changed, empty);
    }

    @Test
    void interactionRoundTripsWithParticipantsAndNulls() {
        Interaction full = StoreFixtures.interaction("i-1", InteractionState.ENDED);
        Interaction minimal = StoreFixtures.minimalInteraction("i-2");
        store.saveInteraction(full);
        store.saveInteraction(minimal);

        assertThat(store.findInteraction("i-1")).contains(full);
        assertThat(store.findInteraction("i-1").orElseThrow().participants()).hasSize(3);
        assertThat(store.findInteraction("i-2")).contains(minimal);
        assertThat(store.findInteraction("i-3")).isEmpty();
    }

    @Test
    void saveInteractionReplacesTheWholeRow() {
        Interaction active = StoreFixtures.interaction("i-1", InteractionState.ACTIVE);
        store.saveInteraction(active);
        Interaction ended = active.withParticipants(List.of()).withHelpRequested(false)
                .withState(InteractionState.ENDED, at(90));
        store.saveInteraction(ended);

        assertThat(store.findInteraction("i-1")).contains(ended);
    }

    @Test
    void liveInteractionsAreTheOnesNotEnded() {
        store.saveInteraction(StoreFixtures.interaction("i-active", InteractionState.ACTIVE));
        store.saveInteraction(StoreFixtures.interaction("i-hold", InteractionState.ON_HOLD));
        store.saveInteraction(StoreFixtures.interaction("i-wrap", InteractionState.WRAP_UP));
        store.saveInteraction(StoreFixtures.interaction("i-ended", InteractionState.ENDED));

        assertThat(store.liveInteractions()).extracting(Interaction::id)
                .containsExactly("i-active", "i-hold", "i-wrap");
        store.saveInteraction(StoreFixtures.interaction("i-hold", InteractionState.ENDED));
        assertThat(store.liveInteractions()).extracting(Interaction::id).containsExactly("i-active", "i-wrap");
    }

    @Test
    void oneTenantsLiveFloorIsItsOwnRowsOnly() {
        Interaction acme = StoreFixtures.interaction("i-acme", InteractionState.ACTIVE);
        Interaction globex = new Interaction("i-globex", "globex", "sales", Channel.CHAT, "g1", "Gil Agent", "Gus",
                "billing", T0.minusSeconds(5), InteractionState.ON_HOLD, false, List.of(), null);
        store.saveInteraction(acme);
        store.saveInteraction(globex);
        store.saveInteraction(StoreFixtures.interaction("i-acme-ended", InteractionState.ENDED));
        store.saveHelpRequest(StoreFixtures.helpRequest("h-acme", HelpRequestStatus.PENDING, at(1)));
        store.saveHelpRequest(StoreFixtures.helpRequest("h-globex", "globex", "sales", HelpRequestStatus.IN_PROGRESS,
                "g1", "s9", at(2)));
        store.saveHelpRequest(StoreFixtures.helpRequest("h-acme-closed", HelpRequestStatus.CLOSED, at(3)));
        store.saveAction(new SupervisorAction("x-acme", "acme", "sales", ActionType.MONITOR, "s1", "a1", "i-acme",
                null, at(4), null));
        store.saveAction(new SupervisorAction("x-globex", "globex", "sales", ActionType.COACH, "s9", "g1",
                "i-globex", null, at(5), null));

        assertThat(store.liveInteractions("acme")).containsExactly(acme);
        assertThat(store.liveInteractions("globex")).containsExactly(globex);
        assertThat(store.liveInteractions("initech")).isEmpty();
        assertThat(store.openHelpRequests("acme")).extracting(HelpRequest::id).containsExactly("h-acme");
        assertThat(store.openHelpRequests("globex")).extracting(HelpRequest::id).containsExactly("h-globex");
        assertThat(store.openActions("acme")).extracting(SupervisorAction::id).containsExactly("x-acme");
        assertThat(store.openActions("globex")).extracting(SupervisorAction::id).containsExactly("x-globex");
        // every tenant's rows together are what the unfiltered reads give
        assertThat(store.liveInteractions()).extracting(Interaction::id).containsExactly("i-globex", "i-acme");
    }

    @Test
    void helpRequestRoundTripsWithEveryFieldAndWithNulls() {
        HelpRequest full = StoreFixtures.fullHelpRequest("h-1");
        HelpRequest sparse = new HelpRequest("h-2", "acme", "sales", null, null, null, HelpRequestStatus.PENDING,
                null, null, List.of(), null, null, T0, null, null, null, null);
        store.saveHelpRequest(full);
        store.saveHelpRequest(sparse);

        assertThat(store.findHelpRequest("h-1")).contains(full);
        assertThat(store.findHelpRequest("h-2")).contains(sparse);
        assertThat(store.findHelpRequest("h-3")).isEmpty();
    }

    @Test
    void saveHelpRequestReplacesAndOpenRequestsFollowTheStatus() {
        HelpRequest pending = StoreFixtures.helpRequest("h-1", HelpRequestStatus.PENDING, at(1));
        store.saveHelpRequest(pending);
        store.saveHelpRequest(StoreFixtures.helpRequest("h-2", HelpRequestStatus.IN_PROGRESS, at(2)));
        store.saveHelpRequest(StoreFixtures.helpRequest("h-3", HelpRequestStatus.CLOSED, at(3)));
        store.saveHelpRequest(StoreFixtures.helpRequest("h-4", HelpRequestStatus.CANCELLED, at(4)));
        assertThat(store.openHelpRequests()).extracting(HelpRequest::id).containsExactly("h-1", "h-2");

        HelpRequest cancelled = pending.cancel(at(9), HelpRequest.EndReason.AGENT_CANCELLED);
        store.saveHelpRequest(cancelled);
        assertThat(store.findHelpRequest("h-1")).contains(cancelled);
        assertThat(store.openHelpRequests()).extracting(HelpRequest::id).containsExactly("h-2");
    }

    @Test
    void actionRoundTripsWithEveryFieldAndWithNullsAndSaveReplaces() {
        SupervisorAction full = StoreFixtures.action("x-1", "acme", "sales", ActionType.BARGE_IN, "s1", "a1", "i-1",
                "h-1", at(10));
        SupervisorAction sparse = new SupervisorAction("x-2", "acme", "sales", ActionType.DISCONNECT, null, null,
                null, null, at(20), null);
        store.saveAction(full);
        store.saveAction(sparse);
        assertThat(allActions()).containsExactly(full, sparse);

        SupervisorAction ended = sparse.end(at(20));
        store.saveAction(ended);
        assertThat(allActions()).containsExactly(full, ended);
    }

    @Test
    void rowsMissingWhatTheStoreNeedsAreRefusedWithTheOperationNamed() {
        SupervisorAction noTenant = new SupervisorAction("x-1", null, "sales", ActionType.MONITOR, "s1", "a1",
                "i-1", null, T0, null);
        assertThatThrownBy(() -> store.saveAction(noTenant))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("save supervisor action 'x-1' failed")
                .hasMessageMatching("(?si).*not.null.*")
                .hasMessageContaining("tenant").hasMessageContaining("actions");
        Interaction noState = StoreFixtures.minimalInteraction("i-1").withState(null, T0);
        assertThatThrownBy(() -> store.saveInteraction(noState))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("save interaction 'i-1' failed");
        assertThat(allActions()).isEmpty();
        assertThat(store.findInteraction("i-1")).isEmpty();
    }

    @Test
    void everythingSurvivesCloseAndReopen() {
        User sue = StoreFixtures.user("u1", "acme", "sue");
        TenantSettings acme = StoreFixtures.tenant("acme");
        Interaction interaction = StoreFixtures.interaction("i-1", InteractionState.ACTIVE);
        HelpRequest request = StoreFixtures.fullHelpRequest("h-1");
        SupervisorAction action = StoreFixtures.action("x-1", at(5));
        store.saveUser(sue, "hash");
        store.saveSession("digest", "u1", at(3600));
        store.saveTenantSettings(acme);
        store.saveInteraction(interaction);
        store.saveHelpRequest(request);
        store.saveAction(action);
        store.close();

        store = openStore();
        assertThat(store.findUser("acme", "sue")).contains(sue);
        assertThat(store.passwordHash("u1")).contains("hash");
        assertThat(store.sessionUser("digest", T0)).contains("u1");
        assertThat(store.tenantSettings("acme")).contains(acme);
        assertThat(store.findInteraction("i-1")).contains(interaction);
        assertThat(store.liveInteractions()).containsExactly(interaction);
        assertThat(store.findHelpRequest("h-1")).contains(request);
        assertThat(allActions()).containsExactly(action);
    }

    @Test
    void aClosedStoreRefusesWorkAndClosingTwiceIsHarmless() {
        store.close();
        store.close();
        assertThatThrownBy(() -> store.findUserById("u1"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("find user 'u1' failed")
                .hasMessageContaining("is closed");
        assertThatThrownBy(() -> store.saveAction(StoreFixtures.action("x-1", T0)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is closed");
    }

    private List<SupervisorAction> allActions() {
        return store.searchActions(new ActionQuery("acme", "sales", null, null, null, null, null, null, null, 500,
                null)).items();
    }
}
