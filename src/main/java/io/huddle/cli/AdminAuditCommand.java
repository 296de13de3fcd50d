package io.huddle.cli;

import io.huddle.protocol.AdminChangeDto;
import io.huddle.protocol.Json;
import io.huddle.protocol.ListBody;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code huddle admin audit}: the tenant's audit of administration, oldest first, over the REST API. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Show the audit of administration: who changed which user or domain, and when.")
final class AdminAuditCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @CommandLine.ParentCommand
    AdminCommand root;
    @Mixin
    AdminLogin login;

    @Option(names = "--actor", description = "Only changes by this user id (or 'cli').")
    String actor;
    @Option(names = "--action", description = "Only this action, such as user.disable.")
    String action;
    @Option(names = "--target", description = "Only changes of this user id or domain.")
    String target;
    @Option(names = "--from", description = "From this ISO-8601 UTC time (inclusive).")
    String from;
    @Option(names = "--to", description = "Up to this ISO-8601 UTC time (exclusive).")
    String to;
    @Option(names = "--limit", defaultValue = "100", description = "At most this many (1 to 500, default"
            + " ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("actorId", actor);
        query.put("action", action);
        query.put("targetId", target);
        query.put("from", from);
        query.put("to", to);
        query.put("limit", Integer.toString(limit));
        return AdminCall.run(spec, root, login, client -> {
            ListBody<AdminChangeDto> page = client.audit(query);
            TextTable table = new TextTable("AT", "ACTOR", "ACTION", "TARGET", "DETAIL");
            for (AdminChangeDto c : page.items()) {
                table.row(Json.format(c.at()), c.actorName() == null ? c.actorId() : c.actorName(), c.action(),
                        c.targetId(), c.detail());
            }
            table.print(spec.commandLine().getOut());
            if (page.nextCursor() != null) {
                spec.commandLine().getOut().println("(more: narrow with --from/--to or raise --limit)");
                spec.commandLine().getOut().flush();
            }
            return 0;
        });
    }
}
