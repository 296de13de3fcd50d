package io.huddle.journal;

import io.huddle.testing.LoopbackProxy;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A proxy between a client and the gateway that can break connections on purpose: drop a new connection
 * before any request reaches the gateway, or pass the request on and drop the connection when the gateway's
 * answer starts (the gateway has committed; the client never hears it). Each new connection takes the next
 * fault while any are queued.
 */
final class FaultProxy extends LoopbackProxy {
    enum Fault { DROP_BEFORE_REQUEST, DROP_AFTER_COMMIT }

    private final AtomicInteger beforeRequest = new AtomicInteger();
    private final AtomicInteger afterCommit = new AtomicInteger();
    final AtomicInteger faultsDone = new AtomicInteger();

    FaultProxy(int upstreamPort) throws IOException {
        super(upstreamPort, "fault-proxy");
    }

    void inject(Fault fault, int connections) {
        (fault == Fault.DROP_BEFORE_REQUEST ? beforeRequest : afterCommit).addAndGet(connections);
    }

    @Override
    protected boolean dropOnConnect() {
        return take(beforeRequest);
    }

    @Override
    protected boolean dropAnswer() {
        return take(afterCommit);
    }

    @Override
    protected void dropped() {
        faultsDone.incrementAndGet();
    }

    private static boolean take(AtomicInteger left) {
        return left.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }
}
