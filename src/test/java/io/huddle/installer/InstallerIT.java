package io.huddle.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.huddle.testing.Processes;
import io.huddle.testing.VirtualDisplay;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The built .deb, as a person would get it: unpacked into a scratch root (no root rights, nothing installed
 * on this machine), its metadata and files checked, its maintainer scripts run against that root, the
 * installed gateway started the way its systemd unit starts it, and both desktop launchers started under
 * Xvfb until their first window shows (screenshots in target/screenshots/). Runs in the {@code installer}
 * profile after the .deb is built: {@code mvn -B -Pinstaller verify}. Linux only; needs dpkg-deb, Xvfb and
 * ImageMagick's {@code import}.
 */
@Tag("installer")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstallerIT {
    private static final Duration FIRST_WINDOW_TIMEOUT = Duration.ofSeconds(120);

    private final Path installerDir = Path.of(System.getProperty("installer.dir", "target/installer"));
    private final String version = System.getProperty("installer.version", "");
    private final Path screenshots = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
    private Path deb;
    private Path scratch;
    private Path root;
    private Path opt;
    private Path control;
    private VirtualDisplay xvfb;
    private String display;

    @BeforeAll
    void unpackTheDeb() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "the .deb is built and tested on Linux");
        for (String tool : List.of("dpkg-deb", "Xvfb", "import")) {
            if (!onPath(tool)) {
                fail(tool + " is missing: the installer test needs dpkg-deb, Xvfb and ImageMagick "
                        + "(apt-get install xvfb imagemagick), see packaging/README.md");
            }
        }
        try (Stream<Path> files = Files.list(installerDir)) {
            List<Path> debs = files.filter(p -> p.getFileName().toString().endsWith(".deb")).toList();
            assertThat(debs).as("one .deb in %s", installerDir).hasSize(1);
            deb = debs.get(0);
        }
        scratch = installerDir.resolveSibling("installer-it");
        deleteTree(scratch);
        Files.createDirectories(scratch.resolve("root"));
        run(Map.of(), "dpkg-deb", "-x", deb.toString(), scratch.resolve("root").toString());
        run(Map.of(), "dpkg-deb", "-e", deb.toString(), scratch.resolve("DEBIAN").toString());
        root = scratch.resolve("root").toRealPath();
        opt = root.resolve("opt/huddle");
        control = scratch.resolve("DEBIAN");
        Files.createDirectories(screenshots);
    }

    @AfterAll
    void stopXvfb() {
        if (xvfb != null) {
            xvfb.close();
        }
    }

    @Test
    @Order(1)
    void metadataNamesThePackageItsReleaseVersionAndWhatItNeeds() throws Exception {
        assertThat(version).isNotBlank().doesNotContain("SNAPSHOT");
        assertThat(field("Package")).isEqualTo("huddle");
        assertThat(field("Version")).isEqualTo(version + "-1");
        assertThat(deb.getFileName().toString()).isEqualTo("huddle_" + version + "-1_" + field("Architecture") + ".deb");
        assertThat(field("Architecture")).isEqualTo(run(Map.of(), "dpkg", "--print-architecture").strip());
        assertThat(field("Maintainer")).matches(".+ <[^@>]+@[^>]+>");
        assertThat(field("Description")).contains("Supervisor call monitoring");
        List<String> depends = Arrays.stream(field("Depends").split(","))
                .map(d -> d.strip().split(" ")[0]).toList();
        // found by jpackage from the libraries: JavaFX's glass (GTK 3; libgtk-3-0t64 on newer distributions),
        // fonts, and xdg-utils for the desktop entries
        assertThat(depends).contains("libc6", "libfreetype6", "libfontconfig1", "xdg-utils")
                .anyMatch(d -> d.startsWith("libgtk-3-0"));
        assertThat(Long.parseLong(field("Installed-Size"))).as("KiB").isBetween(50_000L, 400_000L);
    }

    @Test
    @Order(2)
    void filesAreTheLaunchersTheTrimmedRuntimeTheAppAndTheService() throws Exception {
        for (String launcher : List.of("Huddle Supervisor", "Huddle Agent", "huddle")) {
            Path bin = opt.resolve("bin").resolve(launcher);
            assertThat(bin).isRegularFile();
            assertThat(Files.getPosixFilePermissions(bin)).contains(PosixFilePermission.OTHERS_EXECUTE);
            assertThat(opt.resolve("lib/app").resolve(launcher + ".cfg")).isRegularFile();
        }
        assertThat(cfg("Huddle Supervisor")).contains("arguments=console", "-XX:SharedArchiveFile=$APPDIR/huddle.jsa");
        assertThat(cfg("Huddle Agent")).contains("arguments=agent", "-XX:SharedArchiveFile=$APPDIR/huddle.jsa");
        assertThat(cfg("huddle")).doesNotContain("arguments=");
        // each desktop launcher shows its own splash screen (its image beside the jar); the command line none
        assertThat(cfg("Huddle Supervisor")).contains("-splash:$APPDIR/splash.png").doesNotContain("splash-agent");
        assertThat(cfg("Huddle Agent")).contains("-splash:$APPDIR/splash-agent.png")
                .doesNotContain("-splash:$APPDIR/splash.png");
        assertThat(cfg("huddle")).doesNotContain("-splash");
        for (String image : List.of("splash.png", "splash@2x.png", "splash-agent.png", "splash-agent@2x.png")) {
            assertThat(opt.resolve("lib/app").resolve(image)).isRegularFile();
        }

        // the licence: Huddle's notice, then the runtime's and every library's, in Debian's machine-readable form
        String copyright = Files.readString(opt.resolve("share/doc/copyright"));
        assertThat(copyright).startsWith("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/")
                .contains("License: LicenseRef-Huddle-proprietary\n Huddle — supervisor call monitoring\n",
                        " Copyright (c) 2026 Huddle. All rights reserved.", "GNU General Public License",
                        "jackson-databind (com.fasterxml.jackson.core:jackson-databind:",
                        "(GPLv2+CE) javafx controls (org.openjfx:javafx-controls:")
                .doesNotContain("APPLICATION_LICENSE_TEXT", "Unknown license");
        List<String> licence = copyright.lines().dropWhile(line -> !line.startsWith("License: ")).skip(1)
                .takeWhile(line -> !line.isEmpty()).toList();
        assertThat(licence).as("the licence's text, to the end of its paragraph").hasSizeGreaterThan(50)
                .as("every line of the licence text is indented, an empty one written ' .'")
                .allMatch(line -> line.startsWith(" ") && !line.isBlank());
        assertThat(copyright).as("the runtime has a paragraph of its own")
                .contains("\nFiles: lib/runtime/*\n", "\nLicense: GPL-2.0-only WITH Classpath-exception-2.0\n");

        Path app = opt.resolve("lib/app");
        assertThat(app.resolve("huddle.jar")).isRegularFile();
        assertThat(app.resolve("libglassgtk3.so")).as("JavaFX's natives are the runtime's").doesNotExist();
        assertThat(app.resolve("huddle.jsa")).as("made by postinst, not shipped").doesNotExist();
        String classes = Files.readString(app.resolve("huddle.classlist"));
        assertThat(classes).contains("io/huddle/console/ConsoleWindow", "javafx/scene/Scene",
                "io/huddle/gateway/GatewayServer");
        assertThat(app.resolve("service/huddle-gateway.service")).isRegularFile();
        assertThat(app.resolve("service/gateway.properties")).isRegularFile();

        Path runtime = opt.resolve("lib/runtime");
        assertThat(runtime.resolve("bin/java")).isRegularFile();
        assertThat(runtime.resolve("lib/server/classes.jsa")).as("the JDK's CDS archive").isRegularFile();
        assertThat(runtime.resolve("lib/libglassgtk3.so")).as("JavaFX's natives where its modules look first")
                .isRegularFile();
        String modules = Files.readAllLines(runtime.resolve("release")).stream()
                .filter(l -> l.startsWith("MODULES=")).findFirst().orElseThrow();
        Set<String> linked = Set.of(modules.substring("MODULES=".length()).replace("\"", "").split(" "));
        assertThat(linked).containsAll(jlinkModules()).doesNotContain("jdk.compiler", "jdk.jshell", "java.scripting");
        assertThat(linked).contains("javafx.base", "javafx.graphics", "javafx.controls");
        // 23 today: jlink.args' modules (the desktop, SQL, HTTP client, the SSO loopback listener, management for
        // the gateway's metrics, jdk.net and jdk.security.auth for the session D-Bus, JavaFX's three) and what they
        // require
        assertThat(linked).as("the requested modules and what they require, nothing else").hasSizeLessThan(27);

        Path lib = opt.resolve("lib");
        assertThat(Files.readString(lib.resolve("huddle-Huddle_Supervisor.desktop")))
                .contains("Name=Huddle Supervisor", "Exec=\"/opt/huddle/bin/Huddle Supervisor\"");
        assertThat(Files.readString(lib.resolve("huddle-Huddle_Agent.desktop")))
                .contains("Name=Huddle Agent", "Exec=\"/opt/huddle/bin/Huddle Agent\"");
        assertThat(Files.readString(lib.resolve("huddle-huddle.desktop"))).contains("NoDisplay=true");
        assertThat(Files.readString(control.resolve("postinst"))).contains("xdg-desktop-menu install");
    }

    @Test
    @Order(3)
    void postinstInstallsTheServiceAndMakesAUsableCdsArchive() throws Exception {
        run(Map.of("DPKG_ROOT", root.toString()), "sh", control.resolve("postinst").toString(), "configure");
        assertThat(root.resolve("etc/huddle/gateway.properties")).hasSameTextualContentAs(
                opt.resolve("lib/app/service/gateway.properties"));
        assertThat(root.resolve("lib/systemd/system/huddle-gateway.service")).hasSameTextualContentAs(
                opt.resolve("lib/app/service/huddle-gateway.service"));
        Path jsa = opt.resolve("lib/app/huddle.jsa");
        assertThat(jsa).isRegularFile();
        // -Xshare:on: the JVM refuses to start unless it can use the archive for this class path
        String out = run(Map.of(), opt.resolve("lib/runtime/bin/java").toString(), "-Xshare:on",
                "-XX:SharedArchiveFile=" + jsa, "-cp", opt.resolve("lib/app/huddle.jar").toString(),
                "io.huddle.Huddle", "--version");
        assertThat(out).contains("huddle " + version);
    }

    @Test
    @Order(4)
    void theGatewayStartsAsItsUnitStartsItAndAnswersHealth() throws Exception {
        Map<String, String> conf = envFile(root.resolve("etc/huddle/gateway.properties"));
        assertThat(conf).containsEntry("data", "/var/lib/huddle").containsEntry("port", "8787");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path data = Files.createDirectories(scratch.resolve("var/lib/huddle"));
        // the environment wins over the unit's configuration file
        Map<String, String> env = new LinkedHashMap<>(unitEnvironment());
        env.put("HUDDLE_PORT", Integer.toString(port));
        env.put("HUDDLE_DATA", data.toString());
        List<String> command = execStart(Map.of(), data);
        assertThat(command).contains("--config", root.resolve("etc/huddle/gateway.properties").toString());
        assertThat(command.get(0)).isEqualTo(opt.resolve("bin/huddle").toString());
        Path log = scratch.resolve("gateway.log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process gateway = pb.start();
        try {
            String body = null;
            Instant until = Instant.now().plusSeconds(90);
            while (body == null && Instant.now().isBefore(until) && gateway.isAlive()) {
                body = health(port);
                if (body == null) {
                    Thread.sleep(250);
                }
            }
            assertThat(body).as("GET /api/v1/health; the gateway said:%n%s", Files.readString(log))
                    .contains("\"status\":\"ok\"");
            assertThat(data.resolve("gateway.db")).isRegularFile();
        } finally {
            gateway.destroy();
            assertThat(gateway.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        }
        assertThat(gateway.exitValue()).as("exit status, 143 after SIGTERM").isIn(0, 143);
        assertThat(Files.readString(log)).contains("stopping the gateway").doesNotContain("Exception");
    }

    @Test
    @Order(5)
    void theSupervisorLauncherShowsTheConsole() throws Exception {
        String log = showFirstWindow("Huddle Supervisor", "installed-supervisor.png");
        assertThat(log).contains("first frame of 'Huddle — Supervisor One'");
        // its launcher showed the splash screen before Java ran, and the console closed it at its first frame
        assertThat(log).contains("the launcher's splash screen closed (the first window is shown)");
    }

    @Test
    @Order(6)
    void theAgentLauncherShowsItsSignIn() throws Exception {
        String log = showFirstWindow("Huddle Agent", "installed-agent.png");
        assertThat(log).contains("first frame of 'Sign in to Huddle (agent)'");
        assertThat(log).contains("the launcher's splash screen closed (the first window is shown)");
    }

    @Test
    @Order(7)
    void removeAndPurgeTakeAwayWhatPostinstMade() throws Exception {
        Map<String, String> env = Map.of("DPKG_ROOT", root.toString());
        run(env, "sh", control.resolve("prerm").toString(), "remove");
        assertThat(opt.resolve("lib/app/huddle.jsa")).doesNotExist();
        run(env, "sh", control.resolve("postrm").toString(), "remove");
        assertThat(root.resolve("lib/systemd/system/huddle-gateway.service")).doesNotExist();
        assertThat(root.resolve("etc/huddle/gateway.properties")).as("a conffile stays until purge").exists();
        run(env, "sh", control.resolve("postrm").toString(), "purge");
        assertThat(root.resolve("etc/huddle")).doesNotExist();
    }

    /**
     * Starts a launcher as installed, with a fresh home, waits for its first frame (FxLauncher logs it), gives
     * it a moment to fill in, takes a screenshot of the whole screen and stops it. {@code -Xshare:on} makes
     * the JVM fail unless the launcher really maps Huddle's CDS archive.
     */
    private String showFirstWindow(String launcher, String screenshot) throws Exception {
        startXvfb();
        Path home = Files.createDirectories(scratch.resolve("home-" + launcher.replace(' ', '-')));
        Path log = scratch.resolve(launcher.replace(' ', '-') + ".log");
        ProcessBuilder pb = xvfb.app(List.of(opt.resolve("bin").resolve(launcher).toString()), home, log);
        pb.environment().put("JAVA_TOOL_OPTIONS", "-Xshare:on");
        Process app = pb.start();
        try {
            Instant until = Instant.now().plus(FIRST_WINDOW_TIMEOUT);
            while (!Files.readString(log).contains("first frame of '")) {
                if (!app.isAlive() || Instant.now().isAfter(until)) {
                    fail(launcher + " showed no window (" + (app.isAlive() ? "timed out" : "exited "
                            + app.exitValue()) + "):\n" + Files.readString(log));
                }
                Thread.sleep(200);
            }
            Thread.sleep(3000);
            Path png = screenshots.resolve(screenshot);
            run(Map.of(), "import", "-display", display, "-window", "root", png.toString());
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(colours(image)).as("%s is more than a blank screen", png).isGreaterThan(50);
            assertThat(app.isAlive()).as("%s still running:%n%s", launcher, Files.readString(log)).isTrue();
        } finally {
            Processes.stop(app, Duration.ofSeconds(20));
        }
        String out = Files.readString(log);
        assertThat(out).doesNotContain("NoClassDefFoundError", "ClassNotFoundException", "UnsatisfiedLinkError",
                "Unable to use shared archive", "could not be opened");
        // JavaFX is the runtime's named modules, not classes of the jar's unnamed module
        assertThat(out).doesNotContain("Unsupported JavaFX configuration");
        return out;
    }

    private void startXvfb() throws IOException {
        if (xvfb != null) {
            return;
        }
        xvfb = VirtualDisplay.start(scratch.resolve("xvfb.log"));
        display = xvfb.name();
    }

    /** The unit's ExecStart with systemd's variable expansion, moved into the scratch root. */
    private List<String> execStart(Map<String, String> conf, Path data) throws IOException {
        String line = Files.readAllLines(root.resolve("lib/systemd/system/huddle-gateway.service")).stream()
                .filter(l -> l.startsWith("ExecStart=")).findFirst().orElseThrow().substring("ExecStart=".length());
        List<String> command = new ArrayList<>();
        for (String word : line.trim().split("\\s+")) {
            if (word.matches("\\$\\{\\w+}")) {
                command.add(conf.getOrDefault(word.substring(2, word.length() - 1), ""));
            } else if (word.matches("\\$\\w+")) {
                String value = conf.getOrDefault(word.substring(1), "").trim();
                if (!value.isEmpty()) {
                    command.addAll(List.of(value.split("\\s+")));
                }
            } else if (word.startsWith("/opt/huddle/") || word.startsWith("/etc/huddle/")) {
                command.add(root + word);
            } else if (word.equals("/var/lib/huddle")) {
                command.add(data.toString());
            } else {
                command.add(word);
            }
        }
        return command;
    }

    /** The unit's Environment= lines. */
    private Map<String, String> unitEnvironment() throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String l : Files.readAllLines(root.resolve("lib/systemd/system/huddle-gateway.service"))) {
            if (l.startsWith("Environment=")) {
                String kv = l.substring("Environment=".length());
                env.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
        }
        return env;
    }

    private static Map<String, String> envFile(Path file) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String l : Files.readAllLines(file)) {
            if (!l.isBlank() && !l.startsWith("#") && l.contains("=")) {
                env.put(l.substring(0, l.indexOf('=')).trim(), l.substring(l.indexOf('=') + 1).trim());
            }
        }
        return env;
    }

    private static String health(int port) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/api/v1/health")
                    .toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(5000);
            if (c.getResponseCode() != 200) {
                return null;
            }
            return new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    private Set<String> jlinkModules() throws IOException {
        String add = Files.readAllLines(Path.of("packaging/jlink.args")).stream()
                .filter(l -> l.startsWith("--add-modules ")).findFirst().orElseThrow();
        return Set.of(add.substring("--add-modules ".length()).trim().split(","));
    }

    private String cfg(String launcher) throws IOException {
        return Files.readString(opt.resolve("lib/app").resolve(launcher + ".cfg"));
    }

    private String field(String name) throws Exception {
        return run(Map.of(), "dpkg-deb", "-f", deb.toString(), name).strip();
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv("PATH").split(":")).map(d -> Path.of(d, tool)).anyMatch(Files::isExecutable);
    }

    /** Runs a command to its end (at most five minutes) and returns its output; fails on a non-zero exit. */
    private static String run(Map<String, String> env, String... command) throws Exception {
        Path out = Files.createTempFile("installer-it", ".out");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(String.join(" ", command) + " timed out:\n" + Files.readString(out));
            }
            String text = Files.readString(out);
            if (p.exitValue() != 0) {
                fail(String.join(" ", command) + " exited " + p.exitValue() + ":\n" + text);
            }
            return text;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
