package io.huddle.journal;

import io.huddle.protocol.JournalChain;
import io.huddle.protocol.JournalEntry;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The process that {@link JournalKillTest} kills: opens the journal named by its argument, says
 * {@code ready <lastSeq>}, then appends from four threads until it dies, printing {@code ack <seq> <hash>}
 * for every entry whose commit returned, and now and then records a gateway acknowledgement of an entry it
 * already printed, as the sync does.
 */
public final class JournalChild {
    private JournalChild() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, "UTF-8");
        Journal journal = Journal.open(Path.of(args[0]), null, Clock.systemUTC());
        out.println("ready " + journal.lastSeq());
        AtomicLong count = new AtomicLong();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                for (int i = 0; ; i++) {
                    JournalEntry e = journal.append(JournalFixtures.intent(thread * 1_000_000 + i)).join();
                    synchronized (out) {
                        out.println("ack " + e.seq() + " " + e.hash());
                    }
                    if (count.incrementAndGet() % 25 == 0) {
                        journal.acknowledge(new JournalChain.Anchor(e.seq(), e.hash())).join();
                    }
                }
            }, "child-appender-" + t);
            worker.start();
        }
        Thread.currentThread().join(); // until killed
    }
}
