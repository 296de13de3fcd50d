package io.huddle.gateway.http;

import io.huddle.domain.ActionType;
import io.huddle.domain.Channel;
import java.util.List;

/** Request bodies of the REST API. Missing fields arrive as null and are checked by the floor. */
final class Requests {
    private Requests() {
    }

    record SignIn(String tenant, String username, String password) {
    }

    record RaiseHelp(String interactionId, String reason, String comment) {
    }

    record Act(ActionType action, String helpRequestId) {
    }

    record Message(String text) {
    }

    record Platform(String callControlUrl) {
    }

    record Settings(Boolean monitoringEnabled, List<Channel> monitoredChannels, List<String> helpReasons,
                    Boolean storeMessageText, Escalation escalation) {
    }

    /** The escalation ladder's settings, in whole seconds; a field left out keeps its value. */
    record Escalation(Long remindAfter, Long escalateAfter, Long acceptWithin, List<String> escalationGroup) {
    }
}
