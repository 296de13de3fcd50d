package io.huddle.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.client.GatewayClient;
import io.huddle.client.SignedIn;
import io.huddle.gateway.TestGateway;
import io.huddle.journal.Journal;
import io.huddle.journal.JournalScope;
import io.huddle.journal.JournalSession;
import io.huddle.protocol.JournalEntry;
import io.huddle.settings.SettingsFile;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request to stop the JVM (SIGTERM, Ctrl+C) signs the console out as its window's close does: journaled,
 * once, however the two come together.
 */
class ConsoleExitSignOutTest {
    @TempDir
    Path dir;

    @Test
    void theExitHookSignsOutOnceAndTheWindowsCloseDoesNotRepeatIt() throws Exception {
        try (TestGateway gw = TestGateway.start(dir.resolve("gateway"))) {
            SignedIn me = GatewayClient.signIn(URI.create(gw.baseUrl()), "acme", "supervisor1",
                    TestGateway.PASSWORD.toCharArray());
            Path journalDir = dir.resolve("journal");
            ConsoleApp app = new ConsoleApp(me, new SettingsFile(dir.resolve("console-settings.json")), null, null,
                    journalDir);
            app.prepare();
            ExitSignOut onExit = ExitSignOut.unhooked();
            onExit.attach(app);

            onExit.run(); // what the JVM runs on SIGTERM
            assertThat(gw.call("GET", "/api/v1/me", me.token(), null).statusCode()).as("signed out at the gateway")
                    .isEqualTo(401);
            app.close().get(10, TimeUnit.SECONDS); // the window's close, after
            onExit.run();

            JournalScope scope = new JournalScope("acme", me.user().domain(), me.user().id());
            try (Journal journal = Journal.open(JournalSession.fileFor(journalDir, "acme", "supervisor1"), scope,
                    Clock.systemUTC())) {
                List<JournalEntry> entries = journal.entriesAfter(0, 100, Integer.MAX_VALUE);
                assertThat(entries).extracting(e -> e.action() + "/" + e.phase() + "/" + e.outcome())
                        .containsExactly("SIGN_IN/OUTCOME/ACK", "SIGN_OUT/INTENT/null", "SIGN_OUT/OUTCOME/ACK");
            }
        }
    }
}
