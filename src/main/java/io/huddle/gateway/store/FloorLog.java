package io.huddle.gateway.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The record of every change of each tenant's live floor, for gateways that share one database: numbered per
 * tenant without gaps, written in the same transaction as the change itself, and read by every instance in that
 * order (docs/deployment.md, "Several instances"). Only the PostgreSQL store has one; a gateway on SQLite is the
 * only one on its file.
 */
public interface FloorLog extends AutoCloseable {

    /** One change as it was recorded: its number in the tenant's log and what it did, as JSON. */
    record Entry(long seq, String ops) {
    }

    /** A stream command of a user, by its id: a change made for it is recorded with it, once. */
    record Command(String userId, String commandId) {
    }

    /** A command's record: the entry it committed with, and its answer once sent (null until then). */
    record CommandRecord(long seq, String frame) {
    }

    /** The command was applied already, by another copy of it (on this instance or another). */
    final class AlreadyApplied extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public AlreadyApplied(Command command) {
            super("command " + command.commandId() + " of " + command.userId() + " was applied already");
        }
    }

    /** One floor change, run by {@link #change}. */
    interface Change<T> {
        /** The stream command the change is made for, recorded with its entry; null for none. */
        default Command command() {
            return null;
        }

        /** The entries after the caller's position, in order, before the change runs (the tenant is locked). */
        void catchUp(List<Entry> missed);

        /** The change itself; its store writes join the transaction. Answers its result and what to record. */
        Recorded<T> run();
    }

    /** A change's result and its entry's JSON, or null when it changed nothing. */
    record Recorded<T>(T result, String ops) {
    }

    /** What {@link #change} answers: the change's result and the number of its entry (0: none written). */
    record Done<T>(T result, long seq) {
    }

    /**
     * Runs {@code change} in one transaction that holds the tenant's log for its length (other instances' changes
     * of this tenant wait): first the entries after {@code position}, then the change and its store writes, then
     * its entry, committed together. When it throws, nothing is written.
     */
    <T> Done<T> change(String tenant, long position, Change<T> change);

    /** What is recorded of a command that changed the floor, if it did. */
    java.util.Optional<CommandRecord> command(Command command);

    /** Keeps the answer sent to a command that changed the floor. */
    void answered(Command command, String frame);

    /** The entries of a tenant after {@code position}, in order, at most {@code limit}. */
    List<Entry> after(String tenant, long position, int limit);

    /** Each tenant's last number. */
    Map<String, Long> heads();

    /**
     * Reads a consistent view: {@code read} gets the tenant's last number, and every store read it makes sees the
     * database as it was at that number.
     */
    <T> T snapshot(String tenant, java.util.function.LongFunction<T> read);

    /**
     * Reads a consistent view of every tenant: {@code read} gets each tenant's last number, and every store read it
     * makes sees the database as it was at those numbers.
     */
    <T> T snapshotAll(java.util.function.Function<Map<String, Long>, T> read);

    /** Waits at most {@code max} for another instance to say it wrote an entry; answers whether one did. */
    boolean awaitWrites(Duration max) throws InterruptedException;

    /**
     * Deletes the entries written before {@code before}, keeping each tenant's last, the commands recorded before
     * {@code commandsBefore}, and presence reports an hour old (of instances that stopped without withdrawing
     * them); answers how many rows.
     */
    int purge(Instant before, Instant commandsBefore);

    /**
     * Puts this instance's view of who is on shift (user id to presence, as the wire names it) in place of what it
     * reported before.
     */
    void reportPresence(Map<String, String> presenceByUser);

    /**
     * The other instances' presence of each user reported within {@code fresh}: user id to the presences reported.
     */
    Map<String, List<String>> presence(Duration fresh);

    @Override
    void close();
}
