package io.huddle.bench;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code huddle bench [--quick]}: runs every benchmark (B1 to B8) in this one process on this machine, prints a
 * table and writes {@code target/bench/results.json}. Run through Maven: {@code mvn -Pbench verify} (see
 * docs/benchmarks.md); it needs the test classpath (headless JavaFX).
 */
@Command(name = "huddle bench", mixinStandardHelpOptions = true,
        description = "Runs Huddle's benchmarks and writes target/bench/results.json.")
public final class BenchMain implements Callable<Integer> {

    @Option(names = "--quick", description = "The same loads for a few seconds each and a smaller audit log.")
    boolean quick;

    @Option(names = "--size", description = "full (default), quick or tiny.")
    String size;

    @Option(names = "--only", split = ",", description = "Run only these benchmarks, e.g. B1,B4 (default: all).")
    Set<String> only;

    @Option(names = "--out", defaultValue = "target/bench", description = "Where results.json goes (default: ${DEFAULT-VALUE}).")
    Path out;

    public static void main(String[] args) {
        int code = new CommandLine(new BenchMain()).execute(args);
        System.exit(code);
    }

    static List<Bench> all() {
        return List.of(new LiveListBench(), new CommandRoundTripBench(), new JournalBench(), new FanOutBench(),
                new AuditSearchBench(), new IntakeBench(), new AnalyticsBench(), new ClusterFanOutBench());
    }

    @Override
    public Integer call() throws Exception {
        BenchSize s = BenchSize.named(size != null ? size : quick ? "quick" : "full");
        PrintWriter console = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        Report report = run(s, only, out, console);
        report.print(console);
        console.printf("results: %s%n", out.resolve("results.json").toAbsolutePath());
        return 0;
    }

    /** Runs the benchmarks of a size (all, or those named) and writes results.json under {@code out}. */
    static Report run(BenchSize size, Set<String> only, Path out, PrintWriter progress) throws Exception {
        BenchEnv.startFx();
        List<BenchResult> results = new ArrayList<>();
        Report report = new Report(size.name(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                BenchEnv.machine(), BenchEnv.loadAverage(), results);
        Set<String> chosen = only == null ? Set.of() : only.stream().map(String::strip)
                .filter(o -> !o.isEmpty() && !o.equalsIgnoreCase("all")).map(o -> o.toUpperCase(java.util.Locale.ROOT))
                .collect(java.util.stream.Collectors.toSet());
        for (Bench b : all()) {
            if (!chosen.isEmpty() && !chosen.contains(b.id())) {
                continue;
            }
            progress.printf("%s %s: running (%s size), load average %s%n", b.id(), b.title(), size.name(),
                    BenchEnv.loadAverage());
            Path dir = BenchEnv.freshDir(out, b.id());
            long start = System.nanoTime();
            BenchResult r;
            try {
                r = b.run(size, dir);
            } catch (Exception | Error e) {
                r = new BenchResult(b.id(), b.title());
                r.note("FAILED: " + e);
                e.printStackTrace(progress);
            }
            r.seconds = (System.nanoTime() - start) / 1e9;
            results.add(r);
            BenchEnv.delete(dir);
            progress.printf("%s done in %.1f s%n", b.id(), r.seconds);
            System.gc();
        }
        report.finish(BenchEnv.loadAverage());
        report.writeJson(out.resolve("results.json"));
        return report;
    }
}
