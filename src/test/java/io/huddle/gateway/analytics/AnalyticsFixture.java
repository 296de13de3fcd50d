package io.huddle.gateway.analytics;

import io.huddle.domain.ActionType;
import io.huddle.domain.Channel;
import io.huddle.domain.Escalation;
import io.huddle.domain.HelpRequest;
import io.huddle.domain.HelpRequestStatus;
import io.huddle.domain.Interaction;
import io.huddle.domain.InteractionState;
import io.huddle.domain.SupervisorAction;
import io.huddle.gateway.store.GatewayStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A small history of acme/support whose figures are worked out by hand in the analytics API test (and shown by
 * the analytics window's tests): two hours, six help requests, five interventions, eight interactions; plus rows
 * outside the range and in another domain that no figure may count.
 */
public final class AnalyticsFixture {
    public static final Instant H0 = Instant.parse("2026-02-03T10:00:00Z");
    public static final Instant H1 = H0.plus(Duration.ofHours(1));
    public static final Instant END = H0.plus(Duration.ofHours(2));
    public static final String SUP1 = "acme:supervisor1";
    public static final String SUP2 = "acme:supervisor2";
    public static final String AGENT1 = "acme:agent1";
    public static final String AGENT2 = "acme:agent2";

    private final List<Interaction> interactions = new ArrayList<>();
    private final List<HelpRequest> requests = new ArrayList<>();
    private final List<SupervisorAction> actions = new ArrayList<>();

    private AnalyticsFixture() {
    }

    /** Saves the fixture into the store of a gateway with the demo tenants. */
    public static void load(GatewayStore store) {
        AnalyticsFixture f = new AnalyticsFixture();
        f.build();
        store.saveAll(f.requests, f.actions, f.interactions);
    }

    private void build() {
        ix("ix1", "support", Channel.VOICE, "Billing", AGENT1, H0);
        ix("ix2", "support", Channel.CHAT, "Sales", AGENT1, H0.plus(min(10)));
        ix("ix3", "support", Channel.VOICE, "Billing", AGENT2, H0.plus(min(20)));
        ix("ix7", "support", Channel.VOICE, "Billing", AGENT2, H0.plus(min(50)));
        ix("ix4", "support", Channel.VOICE, "Billing", AGENT2, H1.plus(min(5)));
        ix("ix5", "support", Channel.CHAT, "Sales", AGENT1, H1.plus(min(10)));
        ix("ix6", "support", Channel.VOICE, "Billing", AGENT2, H1.plus(min(30)));
        ix("ix8", "support", Channel.VOICE, "Returns", AGENT1, H1.plus(min(40))); // nobody asked, nobody acted
        ix("ix-old", "support", Channel.VOICE, "Billing", AGENT1, H0.minus(Duration.ofDays(1)));
        ix("ix-sales", "sales", Channel.VOICE, "Billing", "acme:salesagent1", H0.plus(min(5)));

        // closed after 20 s and 90 s to accept; cancelled after 30 s and 120 s; in progress after 40 s; pending
        help("r1", "support", "ix1", AGENT1, "Billing", H0, 20, SUP1, null, 200);
        help("r2", "support", "ix2", AGENT1, "Billing", H0.plus(min(10)), 90, SUP2, null, 300);
        help("r3", "support", "ix3", AGENT2, "Technical", H0.plus(min(20)), null, null, 30, null);
        help("r4", "support", "ix4", AGENT2, "Technical", H1.plus(min(5)), null, null, 120, null);
        escalated("r4"); // reminded at 30 s and escalated at 90 s, then cancelled: the fixture's one escalation
        help("r5", "support", "ix5", AGENT1, "Billing", H1.plus(min(10)), 40, SUP1, null, null);
        help("r6", "support", "ix6", AGENT2, "Other", H1.plus(min(30)), null, null, null, null);
        help("r-old", "support", "ix-old", AGENT1, "Billing", H0.minus(Duration.ofDays(1)), 5, SUP1, null, 10);
        help("r-sales", "sales", "ix-sales", "acme:salesagent1", "Billing", H0.plus(min(5)), 5,
                "acme:salessupervisor1", null, 10);

        act("a1", "support", ActionType.MONITOR, SUP1, AGENT1, "ix1", "r1", H0.plus(min(1)), 120);
        act("a2", "support", ActionType.BARGE_IN, SUP1, AGENT1, "ix1", "r1", H0.plus(min(3)), 60);
        act("a3", "support", ActionType.BARGE_IN, SUP2, AGENT1, "ix2", "r2", H0.plus(min(12)), 30);
        act("a4", "support", ActionType.COACH, SUP2, AGENT2, "ix3", null, H1, 300);
        act("a5", "support", ActionType.MONITOR, SUP1, AGENT1, "ix5", "r5", H1.plus(min(11)), 600);
        act("a6", "support", ActionType.DISCONNECT, SUP1, AGENT1, "ix5", "r5", H1.plus(min(21)), 0);
        act("a-old", "support", ActionType.MONITOR, SUP1, AGENT1, "ix-old", null, H0.minus(Duration.ofDays(1)), 50);
        act("a-sales", "sales", ActionType.MONITOR, "acme:salessupervisor1", "acme:salesagent1", "ix-sales", null,
                H0.plus(min(6)), 50);
    }

    private void ix(String id, String domain, Channel channel, String queue, String agent, Instant at) {
        interactions.add(new Interaction(id, "acme", domain, channel, agent, agent, "Customer", queue, at,
                InteractionState.ENDED, false, List.of(), at.plus(min(45)), null));
    }

    private void help(String id, String domain, String ix, String agent, String reason, Instant at,
                      Integer acceptAfter, String by, Integer cancelAfter, Integer closeAfter) {
        Instant accepted = acceptAfter == null ? null : at.plusSeconds(acceptAfter);
        Instant cancelled = cancelAfter == null ? null : at.plusSeconds(cancelAfter);
        Instant closed = closeAfter == null ? null : at.plusSeconds(closeAfter);
        HelpRequestStatus status = cancelled != null ? HelpRequestStatus.CANCELLED : closed != null
                ? HelpRequestStatus.CLOSED : accepted != null ? HelpRequestStatus.IN_PROGRESS : HelpRequestStatus.PENDING;
        requests.add(new HelpRequest(id, "acme", domain, ix, agent, agent.substring(5), status, reason, null,
                List.of(SUP1, SUP2), by, by == null ? null : "Name of " + by.substring(5), at, accepted, closed,
                cancelled, cancelled != null ? HelpRequest.EndReason.AGENT_CANCELLED
                        : closed != null ? HelpRequest.EndReason.AGENT_CLOSED : null));
    }

    /** The request as the ladder leaves it: routed, reminded after 30 s, escalated after 90 s. */
    private void escalated(String id) {
        HelpRequest r = requests.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        Instant at = r.createdAt();
        List<String> leads = List.of("acme:lead1");
        requests.set(requests.indexOf(r), new HelpRequest(r.id(), r.tenant(), r.domain(), r.interactionId(),
                r.agentId(), r.agentName(), r.status(), r.reason(), r.comment(), r.assignedTo(), r.helpProvidedBy(),
                r.helpProvidedByName(), r.createdAt(), r.acceptedAt(), r.closedAt(), r.cancelledAt(), r.endReason(),
                List.of(new Escalation(Escalation.Step.ROUTED, at, r.assignedTo(), r.assignedTo()),
                        new Escalation(Escalation.Step.REMINDED, at.plusSeconds(30), r.assignedTo(), r.assignedTo()),
                        new Escalation(Escalation.Step.ESCALATED, at.plusSeconds(90), leads, leads))));
    }

    private void act(String id, String domain, ActionType type, String sup, String agent, String ix, String help,
                     Instant at, int seconds) {
        actions.add(new SupervisorAction(id, "acme", domain, type, sup, agent, ix, help, at, at.plusSeconds(seconds)));
    }

    private static Duration min(int m) {
        return Duration.ofMinutes(m);
    }
}
