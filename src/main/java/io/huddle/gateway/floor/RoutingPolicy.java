package io.huddle.gateway.floor;

import io.huddle.domain.HelpRequest;
import io.huddle.domain.Role;
import io.huddle.domain.User;
import java.util.List;

/** Decides which supervisors a new help request is assigned to (and so who is notified). */
@FunctionalInterface
public interface RoutingPolicy {

    List<String> assign(HelpRequest request, List<User> tenantUsers);

    /**
     * The default: every supervisor ({@code awa_manager}) of the request's tenant and domain, so each has it
     * in the tray. The available ones are notified at once (EscalationLadder) and the first to confirm wins;
     * the others' notifications are withdrawn. Leads of other domains come in only by escalation.
     */
    static RoutingPolicy allSupervisorsOfDomain() {
        return (request, users) -> users.stream()
                .filter(u -> u.has(Role.AWA_MANAGER) && u.active() && u.tenant().equals(request.tenant())
                        && u.domain().equals(request.domain()))
                .map(User::id)
                .sorted()
                .toList();
    }
}
