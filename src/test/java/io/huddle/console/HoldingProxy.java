package io.huddle.console;

import io.huddle.testing.LoopbackProxy;
import java.io.IOException;

/**
 * A proxy in front of a gateway that can hold what the client sends: while held, the client's bytes (a
 * request, an upload, a WebSocket frame) wait in the proxy until {@link #release()}; the gateway's answers
 * still pass. A gateway that is slow to take a request looks like this from the client.
 */
final class HoldingProxy extends LoopbackProxy {
    private final Object gate = new Object();
    private boolean held;

    HoldingProxy(int upstreamPort) throws IOException {
        super(upstreamPort, "holding-proxy");
    }

    void hold() {
        synchronized (gate) {
            held = true;
        }
    }

    void release() {
        synchronized (gate) {
            held = false;
            gate.notifyAll();
        }
    }

    @Override
    protected void beforeClientBytes() throws InterruptedException {
        synchronized (gate) {
            while (held) {
                gate.wait();
            }
        }
    }

    @Override
    public void close() throws IOException {
        release();
        super.close();
    }
}
