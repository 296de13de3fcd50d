package io.huddle.journal;

import io.huddle.client.GatewayClient;
import io.huddle.client.GatewayException;
import io.huddle.client.SignedIn;
import io.huddle.protocol.JournalBatch;
import io.huddle.protocol.JournalHead;
import io.huddle.protocol.UserDto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A signed-in supervisor's journal on this device with its upstream sync: opens
 * {@code <dir>/<tenant>-<username>.db}, records the sign-in, uploads in the background, and on
 * {@link #signOut} records the sign-out around the gateway's sign-out. Owns the journal, the sync and the
 * HTTP client it uploads with; {@link #close()} stops them.
 */
public final class JournalSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JournalSession.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Journal journal;
    private final JournalScope scope;
    private final GatewayClient client;
    private final JournalSync sync;

    private JournalSession(Journal journal, JournalScope scope, GatewayClient client, JournalSync sync) {
        this.journal = journal;
        this.scope = scope;
        this.client = client;
        this.sync = sync;
    }

    /** Opens the journal, records the sign-in (waiting for its commit) and starts the sync. */
    public static JournalSession open(Path dir, SignedIn signedIn, Clock clock, Consumer<JournalSync.Status> status) {
        UserDto u = signedIn.user();
        JournalScope scope = new JournalScope(u.tenant(), u.domain(), u.id());
        Journal journal = Journal.open(fileFor(dir, u.tenant(), u.username()), scope, clock);
        GatewayClient client = new GatewayClient(signedIn, TIMEOUT, Duration.ofSeconds(10));
        try {
            journal.append(JournalRecord.signedIn(scope)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            client.close();
            journal.close();
            throw new JournalException("the sign-in could not be recorded in the journal " + journal.file(), e);
        }
        JournalSync sync = new JournalSync(journal, upstream(client), JournalSync.Options.defaults(), status).start();
        return new JournalSession(journal, scope, client, sync);
    }

    /** The journal file of a supervisor: {@code <tenant>-<username>.db}, unsafe characters as {@code _}. */
    public static Path fileFor(Path dir, String tenant, String username) {
        return dir.resolve((tenant + "-" + username).replaceAll("[^A-Za-z0-9._-]", "_") + ".db");
    }

    /** The journal files in a directory, sorted by name. */
    public static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".db")).sorted().toList();
        } catch (java.io.IOException e) {
            throw new JournalException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    static JournalSync.Upstream upstream(GatewayClient client) {
        return new JournalSync.Upstream() {
            @Override
            public JournalHead post(JournalBatch batch) {
                return client.postJournalBatch(batch);
            }

            @Override
            public JournalHead head(String deviceId) {
                try {
                    return client.journalHead(deviceId);
                } catch (GatewayException e) {
                    if (e.status() == 404) {
                        return null;
                    }
                    throw e;
                }
            }
        };
    }

    public Journal journal() {
        return journal;
    }

    public JournalScope scope() {
        return scope;
    }

    public JournalSync sync() {
        return sync;
    }

    /**
     * Records the sign-out's intent, uploads what it can within {@code budget}, ends the sign-in at the
     * gateway and records the outcome (uploaded at the next sign-in). Never throws: a failure is logged.
     */
    public void signOut(Duration budget) {
        try {
            String intent = journal.append(JournalRecord.intent(scope, JournalAction.SIGN_OUT, null, null, null))
                    .get(10, TimeUnit.SECONDS).id();
            sync.flush(budget);
            JournalRecord outcome;
            try {
                client.signOut();
                outcome = JournalRecord.intent(scope, JournalAction.SIGN_OUT, null, null, null)
                        .acked(intent, null, null, null, null);
            } catch (RuntimeException e) {
                outcome = JournalRecord.intent(scope, JournalAction.SIGN_OUT, null, null, null)
                        .failed(intent, JournalRecord.Outcome.ERROR, code(e), e.getMessage());
            }
            journal.append(outcome).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.error("the sign-out could not be recorded in the journal {}", journal.file(), e);
        }
    }

    private static String code(RuntimeException e) {
        return e instanceof GatewayException g ? g.code() : "unreachable";
    }

    @Override
    public void close() {
        sync.close();
        client.close();
        journal.close();
    }
}
