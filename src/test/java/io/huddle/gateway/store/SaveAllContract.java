package io.huddle.gateway.store;

import static io.huddle.gateway.store.StoreFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huddle.domain.ActionType;
import io.huddle.domain.HelpRequest;
import io.huddle.domain.HelpRequestStatus;
import io.huddle.domain.Interaction;
import io.huddle.domain.InteractionState;
import io.huddle.domain.SupervisorAction;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A contract of every store engine: run on SQLite by {@link SqliteSaveAllTest}
 * and on PostgreSQL by {@link PostgresSaveAllTest}.
 */
abstract class SaveAllContract {

    /** Opens the engine's store on this test's database: again after a close, on the same rows. */
    abstract GatewayStore openStore();

    private GatewayStore store;

    private final HelpRequest existingRequest = StoreFixtures.helpRequest("h-1", HelpRequestStatus.PENDING, at(1));
    private final Interaction existingInteraction = StoreFixtures.interaction("i-1", InteractionState.ACTIVE);
    private final SupervisorAction existingAction = StoreFixtures.action("x-0", at(0));

    @BeforeEach
    void open() {
        store = openStore();
        store.saveHelpRequest(existingRequest);
        store.saveInteraction(existingInteraction);
        store.saveAction(existingAction);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void savesAndReplacesEverythingTogether() {
        HelpRequest accepted = existingRequest.accept(StoreFixtures.user("s1", "acme", "sue"), at(2));
        HelpRequest other = StoreFixtures.helpRequest("h-2", HelpRequestStatus.PENDING, at(3));
        SupervisorAction ended = existingAction.end(at(4));
        SupervisorAction coach = StoreFixtures.action("x-1", "acme", "sales", ActionType.COACH, "s1", "a1", "i-1",
                "h-1", at(4));
        Interaction helped = existingInteraction.withHelpRequested(false);

        store.saveAll(List.of(accepted, other), List.of(ended, coach), List.of(helped));

        assertThat(store.findHelpRequest("h-1")).contains(accepted);
        assertThat(store.findHelpRequest("h-2")).contains(other);
        assertThat(actions()).containsExactly(ended, coach);
        assertThat(store.findInteraction("i-1")).contains(helped);
    }

    @Test
    void emptyBatchIsFine() {
        store.saveAll(List.of(), List.of(), List.of());
        assertThat(actions()).containsExactly(existingAction);
    }

    @Test
    void aFailingActionInTheMiddleRollsBackTheWholeBatch() {
        HelpRequest changed = existingRequest.cancel(at(5), HelpRequest.EndReason.AGENT_CANCELLED);
        HelpRequest added = StoreFixtures.helpRequest("h-2", HelpRequestStatus.PENDING, at(5));
        SupervisorAction good = StoreFixtures.action("x-1", at(5));
        SupervisorAction noTenant = new SupervisorAction("x-2", null, "sales", ActionType.COACH, "s1", "a1", "i-1",
                null, at(6), null);
        SupervisorAction after = StoreFixtures.action("x-3", at(7));
        Interaction ended = existingInteraction.withState(InteractionState.ENDED, at(8));

        assertThatThrownBy(() -> store.saveAll(List.of(changed, added), List.of(good, noTenant, after),
                List.of(ended)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("in one transaction failed")
                .hasMessageContaining("supervisor action 'x-2'")
                .hasMessageMatching("(?si).*not.null.*")
                .hasMessageContaining("tenant").hasMessageContaining("actions");

        assertUnchanged();
    }

    @Test
    void aFailingLastInteractionRollsBackTheRequestsAndActionsBeforeIt() {
        Interaction badState = StoreFixtures.minimalInteraction("i-2").withState(null, at(9));
        assertThatThrownBy(() -> store.saveAll(
                List.of(StoreFixtures.helpRequest("h-2", HelpRequestStatus.PENDING, at(5))),
                List.of(StoreFixtures.action("x-1", at(5))),
                List.of(existingInteraction.withHelpRequested(false), badState)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("interaction 'i-2'");

        assertUnchanged();
    }

    @Test
    void aNullItemIsAFailureThatRollsBack() {
        List<SupervisorAction> withNull = Arrays.asList(StoreFixtures.action("x-1", at(5)), null);
        assertThatThrownBy(() -> store.saveAll(List.of(), withNull, List.of()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("a supervisor action in the batch is null");

        assertUnchanged();
    }

    @Test
    void theStoreKeepsWorkingAndCommittingAfterARollback() {
        SupervisorAction noTenant = new SupervisorAction("x-2", null, "sales", ActionType.COACH, null, null, null,
                null, at(6), null);
        assertThatThrownBy(() -> store.saveAll(List.of(), List.of(noTenant), List.of()))
                .isInstanceOf(StoreException.class);

        SupervisorAction later = StoreFixtures.action("x-3", at(7));
        store.saveAction(later);
        store.saveAll(List.of(), List.of(StoreFixtures.action("x-4", at(8))), List.of());
        store.close();
        store = openStore();
        assertThat(actions()).extracting(SupervisorAction::id).containsExactly("x-0", "x-3", "x-4");
    }

    private void assertUnchanged() {
        assertThat(store.findHelpRequest("h-1")).contains(existingRequest);
        assertThat(store.findHelpRequest("h-2")).isEmpty();
        assertThat(actions()).containsExactly(existingAction);
        assertThat(store.findInteraction("i-1")).contains(existingInteraction);
        assertThat(store.findInteraction("i-2")).isEmpty();
        assertThat(store.liveInteractions()).containsExactly(existingInteraction);
        assertThat(store.openHelpRequests()).containsExactly(existingRequest);
    }

    private List<SupervisorAction> actions() {
        return store.searchActions(new ActionQuery("acme", "sales", null, null, null, null, null, null, null, 500,
                null)).items();
    }
}
