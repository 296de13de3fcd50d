package io.huddle.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP load balancer on loopback for tests of several gateways, as nginx or HAProxy would be in front of them:
 * each new connection goes to the next upstream port in turn that accepts it (a dead one is skipped), and bytes
 * are copied both ways until either side closes. A connection whose upstream dies is closed, so its client
 * reconnects, through here, to a live one. Owns its threads; {@link #close()} stops them.
 */
public final class RoundRobinBalancer extends LoopbackProxy {
    private final List<Integer> upstreams;
    private final AtomicInteger next = new AtomicInteger();

    public RoundRobinBalancer(List<Integer> upstreamPorts) throws IOException {
        super(-1, "test-balancer", 200); // no one upstream port: connectUpstream picks one per connection
        this.upstreams = List.copyOf(upstreamPorts);
    }

    @Override
    protected Socket connectUpstream() {
        for (int tries = 0; tries < upstreams.size(); tries++) {
            int port = upstreams.get(Math.floorMod(next.getAndIncrement(), upstreams.size()));
            Socket upstream = new Socket();
            try {
                upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return upstream;
            } catch (IOException refused) {
                try {
                    upstream.close();
                } catch (IOException ignored) {
                    // closing
                }
            }
        }
        return null; // no upstream is up
    }
}
