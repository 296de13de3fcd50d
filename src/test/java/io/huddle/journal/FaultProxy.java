package io.huddle.journal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on loopback between a client and the gateway that can break connections on purpose: drop a
 * new connection before any request reaches the gateway, or pass the request on and drop the connection
 * when the gateway's answer starts (the gateway has committed; the client never hears it). Each new
 * connection takes the next fault while any are queued. Owns its threads; {@link #close()} stops them.
 */
final class FaultProxy implements AutoCloseable {
    enum Fault { DROP_BEFORE_REQUEST, DROP_AFTER_COMMIT }

    private final ServerSocket server;
    private final int upstreamPort;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger beforeRequest = new AtomicInteger();
    private final AtomicInteger afterCommit = new AtomicInteger();
    final AtomicInteger faultsDone = new AtomicInteger();

    FaultProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    void inject(Fault fault, int connections) {
        (fault == Fault.DROP_BEFORE_REQUEST ? beforeRequest : afterCommit).addAndGet(connections);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        if (take(beforeRequest)) {
            faultsDone.incrementAndGet();
            closeQuietly(client);
            return;
        }
        boolean dropAnswer = take(afterCommit);
        try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            threads.execute(() -> pump(client, upstream, false));
            pump(upstream, client, dropAnswer);
        } catch (IOException e) {
            // the gateway is down: the client sees its connection closed
        } finally {
            closeQuietly(client);
        }
    }

    /** Copies bytes until either side closes; with {@code dropFirst}, closes both on the first bytes instead. */
    private void pump(Socket from, Socket to, boolean dropFirst) {
        byte[] buf = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n; (n = in.read(buf)) > 0; ) {
                if (dropFirst) {
                    faultsDone.incrementAndGet();
                    closeQuietly(from);
                    closeQuietly(to);
                    return;
                }
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static boolean take(AtomicInteger left) {
        return left.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
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
