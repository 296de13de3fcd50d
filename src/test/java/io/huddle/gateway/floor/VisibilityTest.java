package io.huddle.gateway.floor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huddle.domain.Channel;
import io.huddle.domain.DomainException;
import io.huddle.domain.HelpRequest;
import io.huddle.domain.Interaction;
import io.huddle.domain.Role;
import io.huddle.domain.TranscriptLine;
import io.huddle.domain.User;
import io.huddle.gateway.TestGateway;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every check denies by default. Sign-in already refuses a user with no role, so these hold the floor
 * itself to it: such a user, however it got here, sees nothing of its tenant and domain, not even an
 * interaction that names it as the agent.
 */
class VisibilityTest {
    @TempDir
    Path dir;
    TestGateway gw;
    FloorReads floor;
    Interaction ix;
    HelpRequest request;

    @BeforeEach
    void start() {
        gw = TestGateway.start(dir);
        floor = gw.server().floorReads();
        ix = gw.startInteraction("acme", "agent1", Channel.CHAT);
        request = gw.server().helpLifecycle().raiseHelp(gw.user("acme", "agent1"), ix.id(), "Policy question", null);
    }

    @AfterEach
    void stop() {
        gw.close();
    }

    /** A user of acme/support, as the store holds it but with these roles. */
    private static User withRoles(User u, Role... roles) {
        return new User(u.id(), u.tenant(), u.domain(), u.username(), u.displayName(), Set.of(roles));
    }

    private User noRole(String username) {
        return withRoles(gw.user("acme", username));
    }

    @Test
    void aUserWithNoRoleSeesNothingOfItsTenantAndDomain() {
        User nobody = noRole("supervisor1");
        assertThat(floor.interactions(nobody)).isEmpty();
        assertNotFound(() -> floor.interaction(nobody, ix.id()));
        assertNotFound(() -> floor.controls(nobody, ix.id()));
        assertNotFound(() -> floor.transcript(nobody, ix.id()));
        assertNotFound(() -> floor.helpRequest(nobody, request.id()));
        FloorSnapshot snapshot = floor.snapshot(nobody, () -> { });
        assertThat(snapshot.interactions()).isEmpty();
        assertThat(snapshot.helpRequests()).isEmpty();
    }

    @Test
    void anAgentWhoLostTheirRoleNoLongerSeesTheirOwnWork() {
        User former = noRole("agent1");
        assertThat(ix.agentId()).isEqualTo(former.id());
        assertThat(Visibility.canSee(former, ix)).isFalse();
        assertThat(Visibility.canSee(former, request)).isFalse();
        assertThat(floor.interactions(former)).isEmpty();
        assertNotFound(() -> floor.helpRequest(former, request.id()));
    }

    @Test
    void aUserWithNoRoleIsHeldToTheViewWithoutSilentMonitorsAndReadsNoLine() {
        User nobody = noRole("supervisor1");
        assertThat(Visibility.onlyOwn(nobody)).isTrue();
        assertThat(Visibility.seesWholeScope(nobody)).isFalse();
        for (TranscriptLine.Audience a : TranscriptLine.Audience.values()) {
            TranscriptLine line = new TranscriptLine("l-1", ix.id(), Instant.now(), TranscriptLine.Speaker.CUSTOMER,
                    "Test Customer", "hello", a);
            assertThat(Visibility.canRead(nobody, line)).as("audience %s", a).isFalse();
        }
    }

    @Test
    void aUserWithNoRoleMayNotSearchTheHelpRequestHistory() {
        assertThatThrownBy(() -> Visibility.helpRequestSearchAgent(noRole("supervisor1"), null))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
        assertThatThrownBy(() -> Visibility.helpRequestSearchAgent(noRole("agent1"), "acme:agent1"))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void anAgentSearchesOnlyTheirOwnHistoryWhateverTheyAskFor() {
        User agent = gw.user("acme", "agent1");
        assertThat(Visibility.helpRequestSearchAgent(agent, null)).isEqualTo(agent.id());
        assertThat(Visibility.helpRequestSearchAgent(agent, "acme:agent2")).isEqualTo(agent.id());
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"AWA_MANAGER", "AUDITOR", "ADMIN"})
    void theWholeScopeIsGrantedByARoleAndNeverByItsAbsence(Role role) {
        User u = withRoles(gw.user("acme", "supervisor2"), role);
        assertThat(Visibility.seesWholeScope(u)).isTrue();
        assertThat(floor.interactions(u)).extracting(Interaction::id).containsExactly(ix.id());
        assertThat(floor.helpRequest(u, request.id()).id()).isEqualTo(request.id());
        assertThat(Visibility.helpRequestSearchAgent(u, null)).isNull();
        assertThat(Visibility.helpRequestSearchAgent(u, "acme:agent2")).isEqualTo("acme:agent2");
        // an agent's role on top of a supervisory one does not narrow it
        User both = withRoles(u, role, Role.AWA_AGENT);
        assertThat(floor.interactions(both)).hasSize(1);
    }

    @Test
    void anAgentSeesTheirOwnWorkOnly() {
        User agent1 = gw.user("acme", "agent1");
        User agent2 = gw.user("acme", "agent2");
        assertThat(floor.interactions(agent1)).extracting(Interaction::id).isEqualTo(List.of(ix.id()));
        assertThat(floor.interactions(agent2)).isEmpty();
        assertNotFound(() -> floor.helpRequest(agent2, request.id()));
    }

    private static void assertNotFound(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
    }
}
