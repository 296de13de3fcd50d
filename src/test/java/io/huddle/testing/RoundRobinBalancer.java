package io.huddle.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP load balancer on loopback for tests of several gateways, as nginx or HAProxy would be in front of them:
 * each new connection goes to the next upstream port in turn that accepts it (a dead one is skipped), and bytes
 * are copied both ways until either side closes. A connection whose upstream dies is closed, so its client
 * reconnects, through here, to a live one. Owns its threads; {@link #close()} stops them.
 */
public final class RoundRobinBalancer implements AutoCloseable {
    private final ServerSocket server;
    private final List<Integer> upstreams;
    private final AtomicInteger next = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-balancer");
        t.setDaemon(true);
        return t;
    });

    public RoundRobinBalancer(List<Integer> upstreamPorts) throws IOException {
        this.upstreams = List.copyOf(upstreamPorts);
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            threads.execute(() -> route(client));
        }
    }

    private void route(Socket client) {
        for (int tries = 0; tries < upstreams.size(); tries++) {
            int port = upstreams.get(Math.floorMod(next.getAndIncrement(), upstreams.size()));
            Socket upstream = new Socket();
            try {
                upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            } catch (IOException refused) {
                closeQuietly(upstream);
                continue;
            }
            threads.execute(() -> copy(client, upstream));
            copy(upstream, client);
            return;
        }
        closeQuietly(client); // no upstream is up
    }

    private static void copy(Socket from, Socket to) {
        byte[] buf = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away: close both below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
