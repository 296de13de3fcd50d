package io.huddle.gateway.floor;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the other instances' floor changes as they commit (docs/deployment.md, "Several instances"): one thread,
 * owned here and stopped by {@link #close()}, that waits for a writer's word (at most {@link #LOOK_EVERY}) and then
 * replays every tenant's new entries of the floor log onto this instance's floors, whose listeners (the streams)
 * hear the same events in the same order as the writer's did. Only for a gateway that shares its database.
 */
public final class FloorFollower implements AutoCloseable {
    /** The longest a change waits to be seen when a writer's word is lost. */
    public static final Duration LOOK_EVERY = Duration.ofMillis(500);
    /** How long the log keeps an entry; a floor further behind is loaded again from the database. */
    public static final Duration KEEP = Duration.ofMinutes(15);
    private static final Logger LOG = LoggerFactory.getLogger(FloorFollower.class);

    private final FloorLogSync sync;
    private final Thread thread;
    private volatile boolean running = true;

    private FloorFollower(FloorLogSync sync) {
        this.sync = sync;
        this.thread = new Thread(this::run, "huddle-floor-follower");
        this.thread.setDaemon(true);
    }

    /** The follower of these floors, when they share a floor log with other instances. */
    public static Optional<FloorFollower> of(Floors floors) {
        return Optional.ofNullable(floors.log()).map(FloorFollower::new);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        while (running) {
            try {
                sync.log().awaitWrites(LOOK_EVERY);
                if (running) {
                    sync.follow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warn("taking the other gateways' changes failed; trying again: {}", e.getMessage(), e);
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(LOOK_EVERY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** How long a command's record is kept: as long as a client may re-send it (docs/protocol.md). */
    public static final Duration KEEP_COMMANDS = Duration.ofMinutes(10);

    /**
     * Deletes the log's entries older than {@link #KEEP} (each tenant's last stays) and the commands' records older
     * than {@link #KEEP_COMMANDS}; answers how many.
     */
    public int purge(Instant now) {
        return sync.log().purge(now.minus(KEEP), now.minus(KEEP_COMMANDS));
    }

    /** Stops the thread and waits for it, so the store can be closed after it. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
