package io.huddle.bench;

import io.huddle.gateway.floor.PlatformFact;
import java.util.List;

/**
 * The gateways B8 measures, in this process or as processes of their own: where consoles connect, how the platform's
 * batches reach the first one, and the CPU the gateways used. Closing stops them.
 */
interface B8Cluster extends AutoCloseable {

    /** The HTTP base URL of instance {@code i}, e.g. {@code http://127.0.0.1:8080}. */
    String baseUrl(int i);

    /** Gives one batch of the platform's state changes to the first instance and waits for its answer. */
    void apply(String tenant, List<PlatformFact.StateChanged> batch) throws Exception;

    /** CPU time the gateways used so far (with the console sockets when they share this process). */
    long gatewaysCpuNanos();

    /** What {@link #gatewaysCpuNanos()} counts, for the report. */
    String cpuNote();

    @Override
    void close() throws Exception;
}
