package io.huddle.domain;

import java.util.Locale;

/**
 * Whether a supervisor is on shift. A supervisor with an open console stream is {@link #AVAILABLE} unless
 * they said otherwise; with none they are {@link #OFFLINE}. Only available supervisors are notified of a new
 * request; a busy one still has it in the tray.
 */
public enum Presence {
    AVAILABLE, BUSY, AWAY, OFFLINE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What a supervisor may choose: available, busy or away (offline is having no console open). */
    public static Presence chosen(String value) {
        for (Presence p : values()) {
            if (p != OFFLINE && p.wireName().equals(value)) {
                return p;
            }
        }
        throw DomainException.badRequest("field 'presence' has an invalid value '" + value
                + "': expected available, busy or away");
    }
}
