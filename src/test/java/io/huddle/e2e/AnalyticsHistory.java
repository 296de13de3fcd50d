package io.huddle.e2e;

import io.huddle.domain.ActionType;
import io.huddle.domain.Channel;
import io.huddle.domain.HelpRequest;
import io.huddle.domain.HelpRequestStatus;
import io.huddle.domain.Interaction;
import io.huddle.domain.InteractionState;
import io.huddle.domain.SupervisorAction;
import io.huddle.gateway.store.GatewayStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A made-up working day of acme/support (nine hours from {@code start}) for the analytics window's screenshots. */
final class AnalyticsHistory {
    private static final String[] REASONS = {"Policy question", "Angry customer", "Technical issue", "Refund",
        "Other"};
    private static final String[] SUPERVISORS = {"acme:supervisor1", "acme:supervisor2"};
    private static final String[] AGENTS = {"acme:agent1", "acme:agent2", "acme:agent3"};

    private AnalyticsHistory() {
    }

    static void day(GatewayStore store, Instant start) {
        SplittableRandom rnd = new SplittableRandom(3);
        List<Interaction> ixs = new ArrayList<>();
        List<HelpRequest> hrs = new ArrayList<>();
        List<SupervisorAction> acts = new ArrayList<>();
        for (int i = 0; i < 140; i++) {
            // busier late in the morning and after lunch
            int hour = new int[] {0, 1, 1, 2, 2, 2, 3, 3, 4, 5, 5, 5, 6, 6, 7, 8}[rnd.nextInt(16)];
            Instant at = start.plusSeconds(hour * 3600L + rnd.nextInt(3600));
            String agent = AGENTS[rnd.nextInt(AGENTS.length)];
            String id = "hist-ix-" + i;
            ixs.add(new Interaction(id, "acme", "support", Channel.values()[rnd.nextInt(3)], agent, agent,
                    "Customer", "Billing", at, InteractionState.ENDED, false, List.of(), at.plusSeconds(900), null));
            if (rnd.nextInt(3) > 0) {
                int kind = rnd.nextInt(10);
                Instant accepted = kind < 8 ? at.plusSeconds(5 + rnd.nextInt(hour >= 5 ? 140 : 70)) : null;
                Instant closed = kind < 7 ? accepted.plusSeconds(120 + rnd.nextInt(400)) : null;
                Instant cancelled = kind >= 8 ? at.plusSeconds(20 + rnd.nextInt(120)) : null;
                String by = accepted == null ? null : SUPERVISORS[rnd.nextInt(2)];
                hrs.add(new HelpRequest("hist-hr-" + i, "acme", "support", id, agent, agent,
                        closed != null ? HelpRequestStatus.CLOSED : accepted != null ? HelpRequestStatus.IN_PROGRESS
                                : HelpRequestStatus.CANCELLED, REASONS[rnd.nextInt(REASONS.length)], null,
                        List.of(SUPERVISORS), by, by == null ? null : by.endsWith("1") ? "Supervisor One"
                        : "Supervisor Two", at, accepted, closed, cancelled, null));
                if (accepted != null) {
                    Instant t = accepted;
                    ActionType[] path = rnd.nextInt(3) == 0
                            ? new ActionType[] {ActionType.MONITOR, ActionType.BARGE_IN}
                            : new ActionType[] {ActionType.MONITOR, ActionType.COACH};
                    for (ActionType type : path) {
                        int seconds = 60 + rnd.nextInt(300);
                        acts.add(new SupervisorAction("hist-act-" + i + "-" + type, "acme", "support", type, by, agent,
                                id, "hist-hr-" + i, t, t.plusSeconds(seconds)));
                        t = t.plusSeconds(seconds);
                    }
                }
            }
        }
        store.saveAll(hrs, acts, ixs);
    }
}
