package io.huddle.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A gateway in a process of its own (`huddle gateway`), for tests that kill one with SIGKILL as a crash would: the
 * same classes as the test, its own data directory and port, its log in a file beside them.
 */
public final class GatewayProcess implements AutoCloseable {
    private final int port;
    private final Path dir;
    private final String dbUrl;
    private final String dbUser;
    private final String dbPassword;
    private final boolean demo;
    private final List<String> jvmOptions;
    private Process process;
    private int starts;

    public GatewayProcess(int port, Path dir, String dbUrl, String dbUser, String dbPassword, boolean demo) {
        // small and quick to start: the tests start and kill many
        this(port, dir, dbUrl, dbUser, dbPassword, demo, List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"));
    }

    /** @param jvmOptions the gateway JVM's options (heap, compiler) */
    public GatewayProcess(int port, Path dir, String dbUrl, String dbUser, String dbPassword, boolean demo,
                          List<String> jvmOptions) {
        this.jvmOptions = List.copyOf(jvmOptions);
        this.port = port;
        this.dir = dir;
        this.dbUrl = dbUrl;
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
        this.demo = demo;
    }

    /** A free loopback port, for a gateway to be started on later. */
    public static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** The running process's id. */
    public synchronized long pid() {
        return process.pid();
    }

    /** Starts the process and waits until it answers HTTP (at most {@code within}). */
    public synchronized void start(Duration within) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "io.huddle.Huddle", "gateway", "--db", dbUrl, "--port", Integer.toString(port),
                "--data", dir.resolve("data").toString(), "--no-management"));
        if (demo && starts == 0) {
            cmd.addAll(List.of("--demo", "--no-simulator"));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("gateway.log").toFile()));
        pb.environment().put("HUDDLE_DB_USER", dbUser);
        pb.environment().put("HUDDLE_DB_PASSWORD", dbPassword == null ? "" : dbPassword);
        process = pb.start();
        starts++;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("gateway on port " + port + " exited with " + process.exitValue()
                        + "; see " + dir.resolve("gateway.log"));
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/v1/sign-in-options?tenant=acme"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("gateway on port " + port + " did not answer within " + within
                + "; see " + dir.resolve("gateway.log"));
    }

    /** Kills the process with SIGKILL, as a crash of its machine would, and waits until it is gone. */
    public synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    public synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
