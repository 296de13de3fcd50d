package io.huddle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.domain.AdminChange;
import io.huddle.gateway.TestGateway;
import io.huddle.gateway.store.AdminChangeQuery;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code huddle admin} against a real gateway: bootstrap on its database, the rest over its REST API. */
class AdminCliTest {
    private static final Pattern ONE_TIME = Pattern.compile("One-time password \\(shown only now\\): (\\S+)");

    @TempDir
    static Path dir;
    static TestGateway gw;
    static Path data;

    @BeforeAll
    static void start() {
        gw = TestGateway.start(dir);
        data = dir;
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(String stdin, Map<String, String> env, String... args) {
        CommandLine cmd = new CommandLine(new AdminCommand(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), env));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exit = cmd.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** A REST-backed command as acme's admin1, with the password in HUDDLE_PASSWORD. */
    static Run asAdmin(String... args) {
        String[] all = new String[args.length + 6];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--gateway", gw.baseUrl(), "--tenant", "acme", "--username", "admin1"}, 0,
                all, args.length, 6);
        return run("", Map.of(AdminLogin.PASSWORD_VARIABLE, TestGateway.PASSWORD), all);
    }

    static int signIn(String tenant, String username, String password) {
        HttpResponse<String> r = gw.call("POST", "/api/v1/sessions", null, "{\"tenant\":\"" + tenant
                + "\",\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        return r.statusCode();
    }

    static String oneTimePassword(Run run) {
        Matcher m = ONE_TIME.matcher(run.out());
        assertThat(m.find()).as("a one-time password in %s", run.out()).isTrue();
        return m.group(1);
    }

    @Test
    void bootstrapMakesATenantsFirstAdminWhoSignsInWithThePrintedPasswordAndRefusesASecondTime() {
        Run first = run("", Map.of(), "bootstrap", "--tenant", "initech", "--username", "root",
                "--display-name", "Root User", "--data", data.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("initech:root", "domain default");
        String password = oneTimePassword(first);
        assertThat(password).hasSizeGreaterThanOrEqualTo(16);
        assertThat(signIn("initech", "root", password)).isEqualTo(201);
        assertThat(signIn("initech", "root", password + "x")).isEqualTo(401);
        assertThat(gw.server().store().tenantSettings("initech")).isPresent();
        assertThat(gw.server().store().domains("initech")).extracting(d -> d.name() + "=" + d.users())
                .containsExactly("default=1");
        List<AdminChange> audit = gw.server().store().searchAdminChanges(new AdminChangeQuery("initech", null, null,
                null, null, null, 0, null)).items();
        assertThat(audit).extracting(AdminChange::action).containsExactly("domain.create", "user.create");
        assertThat(audit).allMatch(c -> c.actorId().equals("cli")).noneMatch(c -> c.detail().contains(password));

        Run again = run("", Map.of(), "bootstrap", "--tenant", "initech", "--username", "root2", "--data",
                data.toString());
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("tenant 'initech' has an active admin already");
        assertThat(again.out()).doesNotContain("One-time password");
        assertThat(gw.server().store().findUser("initech", "root2")).isEmpty();

        Run takeover = run("", Map.of(), "bootstrap", "--tenant", "acme", "--username", "mallory", "--data",
                data.toString());
        assertThat(takeover.exit()).isEqualTo(1);
        assertThat(gw.server().store().findUser("acme", "mallory")).isEmpty();
    }

    @Test
    void bootstrapTakesThePasswordFromStandardInputAndRefusesAShortOne() {
        Run shortOne = run("tooshort\n", Map.of(), "bootstrap", "--tenant", "hooli", "--username", "gavin",
                "--domain", "exec", "--password-stdin", "--data", data.toString());
        assertThat(shortOne.exit()).isEqualTo(1);
        assertThat(shortOne.err()).contains("field 'password' must be 12");
        assertThat(gw.server().store().findUser("hooli", "gavin")).isEmpty();

        Run ok = run("a long enough password\n", Map.of(), "bootstrap", "--tenant", "hooli", "--username", "gavin",
                "--domain", "exec", "--password-stdin", "--data", data.toString());
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).doesNotContain("One-time password").doesNotContain("a long enough password");
        assertThat(signIn("hooli", "gavin", "a long enough password")).isEqualTo(201);
        assertThat(gw.user("hooli", "gavin").domain()).isEqualTo("exec");
    }

    @Test
    void usersAreCreatedListedChangedDisabledAndEnabledOverTheGateway() {
        Run created = asAdmin("users", "create", "carla", "--domain", "support", "--role", "awa_agent,auditor",
                "--display-name", "Carla Diaz", "--generate-password");
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.out()).contains("USERNAME", "carla", "Carla Diaz", "auditor,awa_agent", "local");
        assertThat(signIn("acme", "carla", oneTimePassword(created))).isEqualTo(201);

        Run listed = asAdmin("users", "list", "carla");
        assertThat(listed.exit()).as(listed.err()).isZero();
        assertThat(listed.out().lines().toList()).hasSize(2).first().asString().startsWith("USERNAME");
        assertThat(listed.out()).contains("Carla Diaz");

        Run updated = asAdmin("users", "update", "carla", "--role", "awa_manager", "--domain", "sales");
        assertThat(updated.exit()).as(updated.err()).isZero();
        assertThat(gw.user("acme", "carla").domain()).isEqualTo("sales");

        assertThat(asAdmin("users", "disable", "carla").exit()).isZero();
        assertThat(gw.user("acme", "carla").active()).isFalse();
        assertThat(asAdmin("users", "list", "--active", "false").out()).contains("carla");
        assertThat(asAdmin("users", "enable", "carla").exit()).isZero();
        assertThat(gw.user("acme", "carla").active()).isTrue();

        Run audit = asAdmin("audit", "--target", "acme:carla");
        assertThat(audit.exit()).as(audit.err()).isZero();
        assertThat(audit.out()).contains("ACTION", "user.create", "user.update", "user.disable", "user.enable",
                "admin1");
    }

    @Test
    void domainsAreListedAndCreatedAndRefusalsAreReadable() {
        Run created = asAdmin("domains", "create", "retention");
        assertThat(created.exit()).as(created.err()).isZero();
        Run listed = asAdmin("domains", "list");
        assertThat(listed.out()).contains("DOMAIN", "retention", "support");

        Run dup = asAdmin("domains", "create", "retention");
        assertThat(dup.exit()).isEqualTo(1);
        assertThat(dup.err()).contains("domain 'retention' exists already", "409");
        Run unknownDomain = asAdmin("users", "create", "zoe", "--domain", "nowhere");
        assertThat(unknownDomain.exit()).isEqualTo(1);
        assertThat(unknownDomain.err()).contains("domain 'nowhere' does not exist");

        Run fromStdin = run("demo\n", Map.of(), "domains", "list", "--gateway", gw.baseUrl(), "--tenant", "acme",
                "--username", "admin1");
        assertThat(fromStdin.exit()).as(fromStdin.err()).isZero();
        Run wrong = run("wrong\n", Map.of(), "domains", "list", "--gateway", gw.baseUrl(), "--tenant", "acme",
                "--username", "admin1");
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.err()).contains("unknown tenant, user name or password");
        Run notAdmin = run("demo\n", Map.of(), "domains", "list", "--gateway", gw.baseUrl(), "--tenant", "acme",
                "--username", "agent1");
        assertThat(notAdmin.exit()).isEqualTo(1);
        assertThat(notAdmin.err()).contains("requires the admin role");
        Run noPassword = run("", Map.of(), "domains", "list", "--gateway", gw.baseUrl(), "--tenant", "acme",
                "--username", "admin1");
        assertThat(noPassword.exit()).isNotZero();
        assertThat(noPassword.err()).contains("no password");
    }
}
