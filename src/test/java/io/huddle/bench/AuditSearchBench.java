package io.huddle.bench;

import io.huddle.client.ActionFilter;
import io.huddle.client.GatewayClient;
import io.huddle.client.SignedIn;
import io.huddle.domain.ActionType;
import io.huddle.domain.SupervisorAction;
import io.huddle.gateway.store.ActionQuery;
import io.huddle.gateway.store.GatewayStore;
import io.huddle.gateway.store.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * B5, audit search: an audit log of recorded supervisor actions (1,000,000 at full size, 30 days, 50
 * supervisors, 2,000 agents) in the gateway's SQLite store, searched over the real REST API with the real
 * client as the audit window does: one supervisor's day, one interaction, one help request (each a first page
 * of up to 100), the day searches again while the floor records durable actions beside them, and the CSV
 * export of a whole day, whose pages of 500 are also timed one by one in the store.
 */
final class AuditSearchBench implements Bench {
    static final String DOMAIN = "audit";
    static final int DAYS = 30;
    static final int SUPERVISORS = 50;
    static final int AGENTS = 2_000;
    private static final ActionType[] KINDS = ActionType.values();

    @Override
    public String id() {
        return "B5";
    }

    @Override
    public String title() {
        return "audit search";
    }

    @Override
    public BenchResult run(BenchSize size, Path dir) throws Exception {
        int total = size.auditActions();
        int interactions = Math.max(10, total / 5);
        int requests = Math.max(10, total / 16);
        Instant end = Instant.now().truncatedTo(ChronoUnit.DAYS);
        Instant start = end.minus(DAYS, ChronoUnit.DAYS);
        long span = end.toEpochMilli() - start.toEpochMilli();
        BenchResult r = new BenchResult(id(), title()).parameter("actions", total).parameter("days", DAYS)
                .parameter("supervisors", SUPERVISORS).parameter("agents", AGENTS)
                .parameter("interactions", interactions).parameter("helpRequests", requests);
        long loadStart = System.nanoTime();
        Consumer<GatewayStore> log = store -> {
            SplittableRandom rnd = new SplittableRandom(42);
            List<SupervisorAction> chunk = new ArrayList<>(10_000);
            for (int i = 0; i < total; i++) {
                // actions of one interaction are close in time, as on a real floor
                int ix = rnd.nextInt(interactions);
                long at = start.toEpochMilli() + (long) ((ix + rnd.nextDouble()) * span / interactions);
                Instant startedAt = Instant.ofEpochMilli(at);
                ActionType kind = KINDS[rnd.nextInt(KINDS.length)];
                String help = rnd.nextInt(4) == 0 ? "hr-" + (ix % requests) : null;
                chunk.add(new SupervisorAction("act-" + i, BenchGateway.TENANT, DOMAIN, kind,
                        supervisor(rnd.nextInt(SUPERVISORS)), BenchGateway.TENANT + ":agent-" + (ix % AGENTS),
                        "ix-" + ix, help, startedAt,
                        kind == ActionType.DISCONNECT ? startedAt : startedAt.plusSeconds(30 + rnd.nextInt(300))));
                if (chunk.size() == 10_000 || i == total - 1) {
                    store.saveAll(List.of(), chunk, List.of());
                    chunk.clear();
                }
            }
        };
        try (BenchGateway gw = BenchGateway.plan(dir).supervisors(DOMAIN, SUPERVISORS).preload(log).start()) {
            r.figure("load_seconds", (System.nanoTime() - loadStart) / 1e9, "s");
            SignedIn auditor = gw.signIn("sup-" + DOMAIN + "-0");
            SplittableRandom rnd = new SplittableRandom(7);
            Samples day = new Samples();
            Samples interaction = new Samples();
            Samples request = new Samples();
            int rows = 0;
            try (GatewayClient client = new GatewayClient(auditor)) {
                int warm = Math.max(5, size.searchesPerKind() / 10);
                for (int i = 0; i < warm + size.searchesPerKind(); i++) {
                    boolean measured = i >= warm;
                    Instant d = start.plus(rnd.nextInt(DAYS), ChronoUnit.DAYS);
                    ActionFilter f1 = new ActionFilter(supervisor(rnd.nextInt(SUPERVISORS)), null, null, null, null,
                            d, d.plus(1, ChronoUnit.DAYS), null, null);
                    rows += timed(measured ? day : null, () -> client.searchActions(f1).items().size());
                    ActionFilter f2 = new ActionFilter(null, null, "ix-" + rnd.nextInt(interactions), null, null, null,
                            null, null, null);
                    rows += timed(measured ? interaction : null, () -> client.searchActions(f2).items().size());
                    ActionFilter f3 = new ActionFilter(null, null, null, "hr-" + rnd.nextInt(requests), null, null,
                            null, null, null);
                    rows += timed(measured ? request : null, () -> client.searchActions(f3).items().size());
                }
                report(r, "supervisor_day", day);
                report(r, "interaction", interaction);
                report(r, "help_request", request);
                r.figure("rows_returned", rows, "rows");

                // the same day searches while the floor records 200 durable actions a second
                Samples busyDay = new Samples();
                long busyStart = System.nanoTime();
                FloorWrites writes = new FloorWrites(gw.server().store(), BenchGateway.TENANT, DOMAIN + "-live",
                        5_000);
                try {
                    for (int i = 0; i < size.searchesPerKind(); i++) {
                        Instant d = start.plus(rnd.nextInt(DAYS), ChronoUnit.DAYS);
                        ActionFilter f = new ActionFilter(supervisor(rnd.nextInt(SUPERVISORS)), null, null, null, null,
                                d, d.plus(1, ChronoUnit.DAYS), null, null);
                        rows += timed(busyDay, () -> client.searchActions(f).items().size());
                    }
                } finally {
                    writes.close();
                }
                report(r, "supervisor_day_during_writes", busyDay);
                r.figure("writes_during_searches_per_s", writes.written() / ((System.nanoTime() - busyStart) / 1e9),
                        "writes/s");
                r.figure("write_during_searches_p99_ms", Samples.ms(writes.latency().percentile(99)), "ms");

                // CSV export of whole days over HTTP, and the same export's pages of 500 timed in the store
                Samples export = new Samples();
                Samples pages = new Samples();
                long bytes = 0;
                int exportRows = 0;
                for (int e = 0; e < size.exportDays(); e++) {
                    Instant d = start.plus(1 + rnd.nextInt(DAYS - 1), ChronoUnit.DAYS);
                    Path csv = dir.resolve("export-" + e + ".csv");
                    long t0 = System.nanoTime();
                    bytes += client.exportActionsCsv(new ActionFilter(null, null, null, null, null, d,
                            d.plus(1, ChronoUnit.DAYS), null, null), csv);
                    export.add(System.nanoTime() - t0);
                    try (var lines = Files.lines(csv)) {
                        exportRows += (int) lines.count() - 1;
                    }
                    Files.delete(csv);
                    String cursor = null;
                    do {
                        ActionQuery q = new ActionQuery(BenchGateway.TENANT, DOMAIN, null, null, null, null, null, d,
                                d.plus(1, ChronoUnit.DAYS), 500, cursor);
                        long p0 = System.nanoTime();
                        Page<SupervisorAction> page = gw.server().store().searchActions(q);
                        pages.add(System.nanoTime() - p0);
                        cursor = page.nextCursor();
                    } while (cursor != null);
                }
                r.figure("csv_day_rows", size.exportDays() == 0 ? Double.NaN : (double) exportRows / size.exportDays(),
                        "rows");
                r.figure("csv_day_export_p50_ms", Samples.ms(export.percentile(50)), "ms");
                r.figure("csv_day_export_max_ms", Samples.ms(export.max()), "ms");
                r.figure("csv_export_rows_per_s", exportRows / (export.mean() * export.count() / 1e9), "rows/s");
                r.figure("csv_page500_p50_ms", Samples.ms(pages.percentile(50)), "ms");
                r.figure("csv_page500_p99_ms", Samples.ms(pages.percentile(99)), "ms");
                r.figure("csv_bytes", bytes, "B");
            }
            r.atMost("supervisor_day_p99_ms", 50, "p99 of one supervisor's day (first page) <= 50 ms");
            r.atMost("supervisor_day_during_writes_p99_ms", 50,
                    "p99 of one supervisor's day while the floor writes 200 durable actions/s <= 50 ms");
            r.atMost("interaction_p99_ms", 50, "p99 of one interaction's actions <= 50 ms");
            r.atMost("help_request_p99_ms", 50, "p99 of one help request's actions <= 50 ms");
            r.atMost("csv_page500_p99_ms", 50, "p99 of a CSV export page (500 rows) <= 50 ms");
            r.note("searches go over HTTP on 127.0.0.1 through GatewayClient (JSON included); export pages are "
                    + "timed at the store, as CsvExport reads them");
        }
        return r;
    }

    private static void report(BenchResult r, String name, Samples s) {
        r.figure(name + "_p50_ms", Samples.ms(s.percentile(50)), "ms");
        r.figure(name + "_p99_ms", Samples.ms(s.percentile(99)), "ms");
    }

    private static int timed(Samples into, java.util.function.IntSupplier work) {
        long t0 = System.nanoTime();
        int n = work.getAsInt();
        if (into != null) {
            into.add(System.nanoTime() - t0);
        }
        return n;
    }

    static String supervisor(int i) {
        return BenchGateway.TENANT + ":sup-" + DOMAIN + "-" + i;
    }
}
