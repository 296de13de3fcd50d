package io.huddle.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A TCP proxy on loopback between a client and a gateway, for tests that need a network that misbehaves:
 * subclasses decide, through the hooks, to drop a connection as it opens, to drop it when the gateway's
 * answer starts, or to hold what the client sends. Owns its threads; {@link #close()} stops them.
 */
public abstract class LoopbackProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int upstreamPort;
    private final ExecutorService threads;

    protected LoopbackProxy(int upstreamPort, String threadName) throws IOException {
        this(upstreamPort, threadName, 50);
    }

    /** @param backlog connections waiting to be accepted (many clients connecting at once need more) */
    protected LoopbackProxy(int upstreamPort, String threadName, int backlog) throws IOException {
        this.upstreamPort = upstreamPort;
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        this.server = new ServerSocket(0, backlog, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** A new connection: true closes it at once, before anything reaches the gateway. */
    protected boolean dropOnConnect() {
        return false;
    }

    /** A new connection: true closes it when the first bytes of the gateway's answer arrive instead. */
    protected boolean dropAnswer() {
        return false;
    }

    /** Runs before bytes from the client go on to the gateway; may wait. */
    protected void beforeClientBytes() throws InterruptedException {
    }

    /** A connection was dropped on purpose. */
    protected void dropped() {
    }

    /** The upstream end of a new connection, or null when there is none (the client's connection is closed). */
    protected Socket connectUpstream() throws IOException {
        return new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
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
        if (dropOnConnect()) {
            dropped();
            closeQuietly(client);
            return;
        }
        boolean dropAnswer = dropAnswer();
        try (client; Socket upstream = connectUpstream()) {
            if (upstream == null) {
                return;
            }
            threads.execute(() -> pump(client, upstream, true, false));
            pump(upstream, client, false, dropAnswer);
        } catch (IOException e) {
            // the gateway is down: the client sees its connection closed
        }
    }

    /** Copies bytes until either side closes; {@code dropFirst} closes both on the first bytes instead. */
    private void pump(Socket from, Socket to, boolean fromClient, boolean dropFirst) {
        byte[] buf = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n; (n = in.read(buf)) > 0; ) {
                if (dropFirst) {
                    dropped();
                    return;
                }
                if (fromClient) {
                    beforeClientBytes();
                }
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
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
