package io.huddle.bench;

/**
 * How big a run is. {@link #full()} is the sizes; {@link #quick()} the same loads for a few seconds
 * each and a smaller audit log; {@link #tiny()} runs everything in seconds so the test suite keeps the
 * harness working (its figures mean nothing).
 */
record BenchSize(String name,
                 // B1 the live list
                 int listInteractions, int listRate, int listSeconds, int listWarmupSeconds,
                 // B2 command round trip
                 int echoSamples, int commandSamples, int uiSamples, int roundTripSupervisors,
                 // B3 the journal
                 int journalBurst, int journalWriters, int rawCommits,
                 // B4 fan-out
                 int consoles, int agents, int domains, int fanOutRate, int fanOutSeconds, int fanOutWarmupSeconds,
                 // B5 audit search
                 int auditActions, int searchesPerKind, int exportDays,
                 // B6 the platform's event intake
                 int intakeRate, int intakeInteractions, int intakeDomains, int intakeConsolesPerDomain,
                 int intakeAgentsPerDomain, int intakeSeconds, int intakeWarmupSeconds,
                 // B7 analytics
                 int analyticsActions, int analyticsHelpRequests, int analyticsQueriesPerKind,
                 // B8 fan-out across instances
                 int clusterConsoles, int clusterAgents, int[] clusterRates, int clusterSeconds) {

    static BenchSize full() {
        // warm-ups long enough for the JIT to settle (at 5 s it still compiled a quarter of B1's window)
        return new BenchSize("full", 10_000, 2_000, 30, 15, 2_000, 1_000, 500, 16, 10_000, 8, 1_000,
                200, 5_000, 10, 2_000, 30, 10, 1_000_000, 200, 5,
                5_000, 5_000, 5, 2, 200, 30, 10,
                1_000_000, 200_000, 30,
                60, 2_000, new int[] {500, 1_000, 2_000, 3_000}, 20);
    }

    static BenchSize quick() {
        return new BenchSize("quick", 10_000, 2_000, 8, 2, 500, 300, 150, 16, 4_000, 8, 300,
                200, 5_000, 10, 2_000, 8, 2, 100_000, 100, 3,
                5_000, 5_000, 5, 2, 200, 8, 3,
                100_000, 20_000, 20,
                30, 500, new int[] {500, 2_000}, 6);
    }

    static BenchSize tiny() {
        return new BenchSize("tiny", 200, 200, 2, 1, 30, 20, 10, 4, 200, 4, 30,
                4, 100, 2, 200, 2, 1, 5_000, 10, 1,
                500, 200, 2, 1, 20, 2, 1,
                5_000, 1_000, 2,
                6, 50, new int[] {200}, 2);
    }

    static BenchSize named(String name) {
        return switch (name) {
            case "full" -> full();
            case "quick" -> quick();
            case "tiny" -> tiny();
            default -> throw new IllegalArgumentException("no size '" + name + "': full, quick or tiny");
        };
    }
}
