package io.huddle.gateway.http;

import io.huddle.domain.DomainException;
import io.huddle.domain.Role;
import io.huddle.domain.User;
import io.huddle.gateway.audit.JournalAudit;
import io.huddle.gateway.audit.JournalIngest;
import io.huddle.gateway.store.GatewayStore;
import io.huddle.gateway.store.JournalDevice;
import io.huddle.gateway.store.JournalQuery;
import io.huddle.gateway.store.Page;
import io.huddle.protocol.JournalBatch;
import io.huddle.protocol.JournalEntry;
import io.huddle.protocol.JournalHead;
import io.huddle.protocol.ListBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * The supervisors' action journals (docs/journal.md): consoles upload batches; supervisors and auditors
 * search the entries like the audit log and verify each device's stored chain.
 */
final class JournalApi {
    static final String BATCHES = RestApi.BASE + "/journal/batches";
    /** A batch of up to 500 entries; every other body stays at 64 KiB (HttpSupport.MAX_BODY). */
    static final int MAX_BATCH_BODY = 1024 * 1024;

    private final HttpSupport http;
    private final GatewayStore store;
    private final JournalIngest ingest;
    private final JournalAudit audit;

    JournalApi(HttpSupport http, GatewayStore store, JournalIngest ingest, JournalAudit audit) {
        this.http = http;
        this.store = store;
        this.ingest = ingest;
        this.audit = audit;
    }

    void register(RoutesConfig routes) {
        routes.post(BATCHES, ctx -> {
            JournalBatch batch = http.body(ctx, JournalBatch.class, MAX_BATCH_BODY);
            http.send(ctx, 200, ingest.accept(HttpSupport.user(ctx), batch));
        });
        routes.get(RestApi.BASE + "/journal/devices/{deviceId}", ctx -> {
            JournalDevice d = audit.device(HttpSupport.user(ctx), ctx.pathParam("deviceId"));
            http.send(ctx, 200, new JournalHead(d.deviceId(), d.highestSeq(), d.highestHash()));
        });
        routes.get(RestApi.BASE + "/journal/devices/{deviceId}/verify", ctx -> http.send(ctx, 200,
                audit.verify(HttpSupport.user(ctx), ctx.pathParam("deviceId"))));
        routes.get(RestApi.BASE + "/journal/entries", this::search);
    }

    private void search(Context ctx) {
        User user = HttpSupport.user(ctx);
        if (!user.isSupervisor() && !user.has(Role.AUDITOR)) {
            throw DomainException.forbidden("journal search requires the awa_manager or auditor role");
        }
        JournalQuery q = new JournalQuery(user.tenant(), user.domain(), HttpSupport.textParam(ctx, "supervisorId"),
                HttpSupport.textParam(ctx, "agentId"), HttpSupport.textParam(ctx, "interactionId"),
                HttpSupport.textParam(ctx, "helpRequestId"), action(ctx), HttpSupport.textParam(ctx, "deviceId"),
                HttpSupport.instantParam(ctx, "from"), HttpSupport.instantParam(ctx, "to"),
                HttpSupport.limitParam(ctx), HttpSupport.textParam(ctx, "cursor"));
        Page<JournalEntry> page = store.searchJournal(q);
        http.send(ctx, 200, new ListBody<>(page.items(), page.nextCursor()));
    }

    private static String action(Context ctx) {
        String a = HttpSupport.textParam(ctx, "action");
        if (a != null && !a.matches("[A-Za-z_]{1,40}")) {
            throw DomainException.badRequest("query parameter 'action' must be an action name such as COACH_MESSAGE");
        }
        return a == null ? null : a.toUpperCase(java.util.Locale.ROOT);
    }
}
