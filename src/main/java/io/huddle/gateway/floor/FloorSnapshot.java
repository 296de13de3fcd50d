package io.huddle.gateway.floor;

import io.huddle.domain.HelpRequest;
import io.huddle.domain.Interaction;
import io.huddle.domain.TenantSettings;
import java.util.List;

/** Everything a stream needs to start, as its user may see it, taken at one moment. */
public record FloorSnapshot(List<Interaction> interactions, List<HelpRequest> helpRequests, TenantSettings settings) {
}
