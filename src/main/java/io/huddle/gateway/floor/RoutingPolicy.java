package io.huddle.gateway.floor;

import io.huddle.domain.HelpRequest;
import io.huddle.domain.User;
import java.util.List;

/** Decides which supervisors a new help request is assigned to (and so who is notified). */
@FunctionalInterface
public interface RoutingPolicy {

    List<String> assign(HelpRequest request, List<User> tenantUsers);

    /**
     * The default: every supervisor ({@code awa_manager}) of the request's tenant and domain. All are
     * notified at once and the first to confirm wins; the others' notifications are withdrawn.
     */
    static RoutingPolicy allSupervisorsOfDomain() {
        return (request, users) -> users.stream()
                .filter(u -> u.isSupervisor() && u.inScope(request.tenant(), request.domain()))
                .map(User::id)
                .sorted()
                .toList();
    }
}
