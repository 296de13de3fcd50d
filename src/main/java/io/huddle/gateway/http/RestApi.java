package io.huddle.gateway.http;

import io.huddle.domain.ActionType;
import io.huddle.domain.DomainException;
import io.huddle.domain.HelpRequestStatus;
import io.huddle.domain.Role;
import io.huddle.domain.EscalationSettings;
import io.huddle.domain.TenantSettings;
import io.huddle.domain.User;
import io.huddle.gateway.auth.AuthService;
import io.huddle.gateway.floor.FloorReads;
import io.huddle.gateway.floor.FloorSettings;
import io.huddle.gateway.floor.HelpLifecycle;
import io.huddle.gateway.platform.PlatformControls;
import io.huddle.gateway.floor.Visibility;
import io.huddle.gateway.store.ActionQuery;
import io.huddle.gateway.store.GatewayStore;
import io.huddle.gateway.store.HelpRequestQuery;
import io.huddle.gateway.store.Page;
import io.huddle.protocol.ActionDto;
import io.huddle.protocol.HelpRequestDto;
import io.huddle.protocol.InteractionDto;
import io.huddle.protocol.ListBody;
import io.huddle.protocol.TranscriptLineDto;
import io.huddle.protocol.UserDto;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The REST API v1: a public contract for integrations and audits. See docs/protocol.md. */
final class RestApi {
    static final String BASE = "/api/v1";

    private final HttpSupport http;
    private final AuthService auth;
    private final FloorReads reads;
    private final HelpLifecycle help;
    private final FloorSettings settings;
    private final PlatformControls controls;
    private final GatewayStore store;
    private final String version;

    RestApi(HttpSupport http, AuthService auth, FloorReads reads, HelpLifecycle help, FloorSettings settings,
            PlatformControls controls, GatewayStore store, String version) {
        this.http = http;
        this.controls = controls;
        this.auth = auth;
        this.reads = reads;
        this.help = help;
        this.settings = settings;
        this.store = store;
        this.version = version;
    }

    void register(RoutesConfig routes) {
        routes.get(BASE + "/health", ctx -> http.send(ctx, 200, Map.of("status", "ok", "version", version)));
        routes.post(BASE + "/sessions", this::signIn);
        routes.before(BASE + "/*", ctx -> {
            String path = ctx.path().replaceAll("/+$", ""); // routes ignore a trailing slash, so must this
            if (ApiReference.isPublic(path)) {
                return; // the contract and its reference page: public, and cacheable
            }
            noStore(ctx);
            boolean open = path.equals(BASE + "/health")
                    || (path.equals(BASE + "/sessions") && "POST".equals(ctx.method().name()))
                    || PlatformApi.signedByPlatform(path)
                    || SsoApi.isOpen(path, ctx.method().name());
            if (!open && !path.equals(BASE + "/stream")) {
                http.authenticate(ctx);
            }
        });
        routes.delete(BASE + "/sessions/current", ctx -> {
            auth.signOut(ctx.attribute(HttpSupport.TOKEN));
            ctx.status(204);
        });
        routes.get(BASE + "/me", ctx -> http.send(ctx, 200, UserDto.of(HttpSupport.user(ctx))));
        routes.get(BASE + "/tenant/settings", ctx -> http.send(ctx, 200,
                settings.settings(HttpSupport.user(ctx).tenant())));
        routes.put(BASE + "/tenant/settings", this::updateSettings);

        routes.get(BASE + "/interactions", ctx -> http.send(ctx, 200, new ListBody<>(
                reads.interactions(HttpSupport.user(ctx)).stream().map(InteractionDto::of).toList(), null)));
        routes.get(BASE + "/interactions/{id}", ctx -> http.send(ctx, 200,
                InteractionDto.of(reads.interaction(HttpSupport.user(ctx), ctx.pathParam("id")))));
        routes.get(BASE + "/interactions/{id}/controls", ctx -> http.send(ctx, 200,
                controls.controls(HttpSupport.user(ctx), ctx.pathParam("id"))));
        routes.get(BASE + "/interactions/{id}/transcript", ctx -> http.send(ctx, 200, new ListBody<>(
                reads.transcript(HttpSupport.user(ctx), ctx.pathParam("id")).stream()
                        .map(TranscriptLineDto::of).toList(), null)));
        routes.post(BASE + "/interactions/{id}/actions", ctx -> {
            Requests.Act body = http.body(ctx, Requests.Act.class);
            String helpRequestId = body.helpRequestId() == null || body.helpRequestId().isBlank() ? null
                    : body.helpRequestId();
            http.send(ctx, 201, ActionDto.of(controls.act(HttpSupport.user(ctx), ctx.pathParam("id"), body.action(),
                    helpRequestId)));
        });
        routes.post(BASE + "/interactions/{id}/messages", ctx -> {
            Requests.Message body = http.body(ctx, Requests.Message.class);
            http.send(ctx, 201, TranscriptLineDto.of(
                    controls.sendMessage(HttpSupport.user(ctx), ctx.pathParam("id"), body.text())));
        });

        routes.post(BASE + "/help-requests", ctx -> {
            Requests.RaiseHelp body = http.body(ctx, Requests.RaiseHelp.class);
            if (body.interactionId() == null || body.interactionId().isBlank()) {
                throw DomainException.badRequest("field 'interactionId' is required");
            }
            http.send(ctx, 201, HelpRequestDto.of(help.raiseHelp(HttpSupport.user(ctx), body.interactionId(),
                    body.reason(), body.comment())));
        });
        routes.get(BASE + "/help-requests", this::searchHelpRequests);
        routes.get(BASE + "/help-requests/{id}", ctx -> http.send(ctx, 200,
                HelpRequestDto.of(reads.helpRequest(HttpSupport.user(ctx), ctx.pathParam("id")))));
        routes.post(BASE + "/help-requests/{id}/accept", ctx -> http.send(ctx, 200,
                HelpRequestDto.of(help.acceptHelp(HttpSupport.user(ctx), ctx.pathParam("id")))));
        routes.post(BASE + "/help-requests/{id}/cancel", ctx -> http.send(ctx, 200,
                HelpRequestDto.of(help.cancelHelp(HttpSupport.user(ctx), ctx.pathParam("id")))));
        routes.post(BASE + "/help-requests/{id}/close", ctx -> http.send(ctx, 200,
                HelpRequestDto.of(help.closeHelp(HttpSupport.user(ctx), ctx.pathParam("id")))));

        routes.get(BASE + "/actions", this::searchActions);
    }

    /**
     * Set on every answer before anything else runs, so errors carry it too: sign-in's answer holds a bearer
     * token, and every other one a user's view of live conversations, neither of which a cache may keep.
     */
    static void noStore(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("Pragma", "no-cache");
    }

    private void signIn(Context ctx) {
        Requests.SignIn body = http.body(ctx, Requests.SignIn.class);
        // the socket's peer: no X-Forwarded-For is trusted, as no option says a proxy is in front
        http.send(ctx, 201, session(auth.signIn(body.tenant(), body.username(), body.password(), ctx.ip())));
    }

    /** A new session as sign-in answers it, with a password or by single sign-on. */
    static Map<String, Object> session(AuthService.SignIn s) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("token", s.token());
        answer.put("expiresAt", s.expiresAt());
        answer.put("user", UserDto.of(s.user()));
        return answer;
    }

    private void updateSettings(Context ctx) {
        User user = HttpSupport.user(ctx);
        if (!user.has(Role.ADMIN)) {
            throw DomainException.forbidden("changing tenant settings requires the admin role");
        }
        Requests.Settings body = http.body(ctx, Requests.Settings.class);
        if (body.monitoredChannels() != null && body.monitoredChannels().contains(null)) {
            throw DomainException.badRequest("field 'monitoredChannels' must not contain null");
        }
        if (body.helpReasons() != null && body.helpReasons().contains(null)) {
            throw DomainException.badRequest("field 'helpReasons' needs at least one reason of 1 to 100 characters");
        }
        // merged under the tenant's lock, so two partial updates at once cannot lose one another
        http.send(ctx, 200, settings.updateSettings(user, now -> {
            TenantSettings next = new TenantSettings(user.tenant(),
                    body.monitoringEnabled() != null ? body.monitoringEnabled() : now.monitoringEnabled(),
                    body.monitoredChannels() != null ? Set.copyOf(body.monitoredChannels()) : now.monitoredChannels(),
                    body.helpReasons() != null ? body.helpReasons() : now.helpReasons(),
                    body.storeMessageText() != null ? body.storeMessageText() : now.storeMessageText(),
                    escalation(user.tenant(), body.escalation(), now.escalation()));
            if (next.helpReasons().isEmpty() || next.helpReasons().stream().anyMatch(r -> r == null || r.isBlank()
                    || r.length() > 100)) {
                throw DomainException.badRequest(
                        "field 'helpReasons' needs at least one reason of 1 to 100 characters");
            }
            return next;
        }));
    }

    /**
     * The ladder's settings merged over the current ones and checked: times in bounds, the group all supervisors
     * of the tenant. An unknown id and another tenant's user get the same answer, so neither is revealed.
     */
    private EscalationSettings escalation(String tenant, Requests.Escalation body, EscalationSettings now) {
        if (body == null) {
            return now;
        }
        List<String> group = body.escalationGroup() != null ? body.escalationGroup() : now.escalationGroup();
        for (String id : group) {
            boolean supervisor = id != null && store.findUserById(id)
                    .filter(u -> EscalationSettings.mayBeNamed(u, tenant)).isPresent();
            if (!supervisor) {
                throw DomainException.badRequest("field 'escalationGroup' names '" + id
                        + "', who is not an active awa_manager or awa_lead of this tenant");
            }
        }
        return new EscalationSettings(
                body.remindAfter() != null ? body.remindAfter() : now.remindAfter(),
                body.escalateAfter() != null ? body.escalateAfter() : now.escalateAfter(),
                body.acceptWithin() != null ? body.acceptWithin() : now.acceptWithin(),
                group.stream().distinct().toList()).validated();
    }

    private void searchHelpRequests(Context ctx) {
        User user = HttpSupport.user(ctx);
        String agentId = Visibility.helpRequestSearchAgent(user, HttpSupport.textParam(ctx, "agentId"));
        HelpRequestQuery q = new HelpRequestQuery(user.tenant(), user.domain(),
                HttpSupport.enumParam(ctx, "status", HelpRequestStatus.class), agentId,
                HttpSupport.textParam(ctx, "helpProvidedBy"), HttpSupport.instantParam(ctx, "from"),
                HttpSupport.instantParam(ctx, "to"), HttpSupport.limitParam(ctx),
                HttpSupport.textParam(ctx, "cursor"));
        Page<io.huddle.domain.HelpRequest> page = store.searchHelpRequests(q);
        http.send(ctx, 200, new ListBody<>(page.items().stream().map(HelpRequestDto::of).toList(),
                page.nextCursor()));
    }

    private void searchActions(Context ctx) {
        User user = HttpSupport.user(ctx);
        if (!user.isSupervisor() && !user.has(Role.AUDITOR)) {
            throw DomainException.forbidden("audit search requires the awa_manager or auditor role");
        }
        ActionQuery q = new ActionQuery(user.tenant(), user.domain(), HttpSupport.textParam(ctx, "supervisorId"),
                HttpSupport.textParam(ctx, "agentId"), HttpSupport.textParam(ctx, "interactionId"),
                HttpSupport.textParam(ctx, "helpRequestId"), HttpSupport.enumParam(ctx, "action", ActionType.class),
                HttpSupport.instantParam(ctx, "from"), HttpSupport.instantParam(ctx, "to"),
                HttpSupport.limitParam(ctx), HttpSupport.textParam(ctx, "cursor"));
        String accept = ctx.header("Accept");
        if (accept != null && accept.contains("text/csv")) {
            new CsvExport(store).write(ctx, q);
            return;
        }
        Page<io.huddle.domain.SupervisorAction> page = store.searchActions(q);
        List<ActionDto> items = page.items().stream().map(ActionDto::of).toList();
        http.send(ctx, 200, new ListBody<>(items, page.nextCursor()));
    }
}
