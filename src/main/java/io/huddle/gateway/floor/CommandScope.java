package io.huddle.gateway.floor;

import io.huddle.gateway.store.FloorLog;
import java.util.function.Supplier;

/**
 * The stream command a floor change is made for, on the thread that makes it: with a floor log, the change is
 * recorded with the command, so a copy of it re-sent to any instance is never applied twice.
 */
public final class CommandScope {
    private static final ThreadLocal<Running> CURRENT = new ThreadLocal<>();

    /** The command running on a thread; {@code recorded} once a change of it committed with it. */
    private static final class Running {
        final FloorLog.Command command;
        boolean recorded;

        Running(FloorLog.Command command) {
            this.command = command;
        }
    }

    private CommandScope() {
    }

    /** Runs {@code work} as the command's; the changes it makes are the command's. */
    public static <T> T run(FloorLog.Command command, Supplier<T> work) {
        Running outer = CURRENT.get();
        CURRENT.set(new Running(command));
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /**
     * The command being run on this thread, to record with the next change, or null: none runs, or an earlier
     * change of it recorded it already (a command may change the floor more than once).
     */
    static FloorLog.Command toRecord() {
        Running r = CURRENT.get();
        return r == null || r.recorded ? null : r.command;
    }

    /** Whether a change of the command running on this thread committed with it (so it was applied). */
    public static boolean applied() {
        Running r = CURRENT.get();
        return r != null && r.recorded;
    }

    /** A change recorded the running command. */
    static void recorded() {
        Running r = CURRENT.get();
        if (r != null) {
            r.recorded = true;
        }
    }
}
