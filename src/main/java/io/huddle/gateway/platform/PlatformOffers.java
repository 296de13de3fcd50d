package io.huddle.gateway.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.huddle.domain.ActionType;
import io.huddle.protocol.platform.CallControlAnswer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a platform last said it cannot offer a supervisor on an interaction (its answer to their view), so
 * the controls keep saying it until the next view. Bounded: at most {@link #MAX} pairs, each for
 * {@link #KEEP} after the view.
 */
final class PlatformOffers {
    static final int MAX = 50_000;
    static final Duration KEEP = Duration.ofMinutes(30);
    private static final Map<String, ActionType> NAMES = Map.of("monitor", ActionType.MONITOR,
            "coach", ActionType.COACH, "bargeIn", ActionType.BARGE_IN);

    private final Cache<String, Map<ActionType, String>> off = Caffeine.newBuilder().maximumSize(MAX)
            .expireAfterWrite(KEEP).build();

    private static String key(String tenant, String interactionId, String supervisorId) {
        return tenant + "\n" + interactionId + "\n" + supervisorId;
    }

    void remember(String tenant, String interactionId, String supervisorId, CallControlAnswer answer) {
        Map<ActionType, String> reasons = new EnumMap<>(ActionType.class);
        answer.capabilities().forEach((name, c) -> {
            ActionType action = NAMES.get(name);
            if (action != null && c != null && !c.enabled()) {
                String why = c.reason() == null || c.reason().isBlank() ? "not offered by the contact center now"
                        : c.reason().strip();
                reasons.put(action, "the contact center: " + (why.length() > 200 ? why.substring(0, 200) : why));
            }
        });
        if (reasons.isEmpty()) {
            off.invalidate(key(tenant, interactionId, supervisorId));
        } else {
            off.put(key(tenant, interactionId, supervisorId), Map.copyOf(reasons));
        }
    }

    /** The platform's reasons, by control, for what it does not offer now; empty when it offers everything. */
    Map<ActionType, String> offReasons(String tenant, String interactionId, String supervisorId) {
        Map<ActionType, String> reasons = off.getIfPresent(key(tenant, interactionId, supervisorId));
        return reasons == null ? Map.of() : reasons;
    }
}
