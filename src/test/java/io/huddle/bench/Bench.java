package io.huddle.bench;

import java.nio.file.Path;

/** One benchmark of the harness. */
interface Bench {
    String id();

    String title();

    /** Runs at the given size with its data under {@code workDir} (fresh and empty) and says what it measured. */
    BenchResult run(BenchSize size, Path workDir) throws Exception;
}
