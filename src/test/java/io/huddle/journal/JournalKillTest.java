package io.huddle.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.protocol.JournalChain;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 loop: a child JVM appends and prints every acknowledged entry; it is killed at a random moment;
 * after each kill every acknowledged entry is in the file with its hash and the whole chain verifies. 50
 * cycles by default, {@code -Pjournal-soak} runs 500.
 */
class JournalKillTest {
    private static final int CYCLES = Integer.getInteger("journal.kill.cycles", 50);

    @TempDir
    Path dir;

    @Test
    void noAcknowledgedEntryIsLostWhenTheProcessIsKilled() throws Exception {
        Path file = dir.resolve("killed.db");
        Random random = new Random();
        long acknowledged = 0;
        long highest = 0;
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                    "-Dorg.sqlite.tmpdir=" + dir, "-DHUDDLE_LOG_LEVEL=WARN", "-cp", System.getProperty("java.class.path"),
                    JournalChild.class.getName(), file.toString())
                    .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("child.err").toFile())).start();
            Output out = new Output(child.getInputStream());
            out.start();
            try {
                long ready = out.awaitReady(30_000);
                assertThat(ready).as("cycle %d: the reopened journal holds every acknowledged entry", cycle)
                        .isGreaterThanOrEqualTo(highest);
                Thread.sleep(20 + random.nextInt(300));
            } finally {
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                out.join(10_000);
            }
            List<String[]> acks = out.acks();
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                 PreparedStatement ps = c.prepareStatement("SELECT hash FROM entries WHERE seq = ?")) {
                for (String[] ack : acks) {
                    ps.setLong(1, Long.parseLong(ack[1]));
                    try (ResultSet rs = ps.executeQuery()) {
                        assertThat(rs.next()).as("cycle %d: acknowledged entry %s is there", cycle, ack[1]).isTrue();
                        assertThat(rs.getString(1)).isEqualTo(ack[2]);
                    }
                    highest = Math.max(highest, Long.parseLong(ack[1]));
                }
            }
            JournalChain.Report report = JournalVerifier.verify(file, null);
            assertThat(report.firstBreak()).as("cycle %d", cycle).isNull();
            assertThat(report.lastSeq()).isGreaterThanOrEqualTo(highest);
            acknowledged += acks.size();
        }
        assertThat(acknowledged).as("the children got entries committed").isGreaterThan(CYCLES);
    }

    /** Reads the child's stdout; only whole lines count (a kill may cut the last one). */
    private static final class Output extends Thread {
        private final InputStream in;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Output(InputStream in) {
            this.in = in;
            setDaemon(true);
        }

        @Override
        public void run() {
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = in.read(buf)) > 0; ) {
                    synchronized (bytes) {
                        bytes.write(buf, 0, n);
                    }
                }
            } catch (java.io.IOException e) {
                // the child died: what was read is what counts
            }
        }

        List<String> lines() {
            String text;
            synchronized (bytes) {
                text = bytes.toString(StandardCharsets.UTF_8);
            }
            int end = text.lastIndexOf('\n');
            return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n"));
        }

        long awaitReady(long millis) throws InterruptedException {
            long deadline = System.currentTimeMillis() + millis;
            while (System.currentTimeMillis() < deadline) {
                for (String line : lines()) {
                    if (line.startsWith("ready ")) {
                        return Long.parseLong(line.substring(6).strip());
                    }
                }
                Thread.sleep(5);
            }
            throw new AssertionError("the child did not open its journal in time");
        }

        List<String[]> acks() {
            List<String[]> out = new ArrayList<>();
            for (String line : lines()) {
                if (line.startsWith("ack ")) {
                    out.add(line.strip().split(" "));
                }
            }
            return out;
        }
    }
}
