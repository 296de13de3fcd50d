package io.huddle.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Counts the exchanges checked against the OpenAPI document, per operation, and at the end of the test JVM writes
 * them to {@code target/openapi-contract/checked-<pid>.tsv}: which operations the tests reach, and how often.
 */
final class ContractLedger {
    private static final Map<String, AtomicLong> COUNTS = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ContractLedger::write, "openapi-contract-ledger"));
    }

    private ContractLedger() {
    }

    static void record(OpenApiContract.Exchange e, String operation, boolean held) {
        String key = (operation == null ? e.method() + " (no operation)" : operation) + "\t" + e.status() + "\t"
                + (held ? "held" : "FAILED") + "\t" + (e.checkRequest() ? "request+answer" : "answer only");
        COUNTS.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    }

    private static void write() {
        if (COUNTS.isEmpty()) {
            return;
        }
        Path dir = Path.of("target", "openapi-contract");
        String lines = new TreeMap<>(COUNTS).entrySet().stream().map(en -> en.getKey() + "\t" + en.getValue().get())
                .collect(Collectors.joining("\n", "", "\n"));
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("checked-" + ProcessHandle.current().pid() + ".tsv"), lines);
        } catch (IOException e) {
            throw new UncheckedIOException("the contract ledger could not be written to " + dir, e);
        }
    }
}
