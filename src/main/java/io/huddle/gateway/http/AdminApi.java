package io.huddle.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.huddle.domain.DomainException;
import io.huddle.domain.Role;
import io.huddle.domain.User;
import io.huddle.gateway.admin.AdminService;
import io.huddle.gateway.store.AdminChangeQuery;
import io.huddle.gateway.store.Page;
import io.huddle.gateway.store.UserAccount;
import io.huddle.gateway.store.UserQuery;
import io.huddle.protocol.AdminChangeDto;
import io.huddle.protocol.AdminUserDto;
import io.huddle.protocol.DomainDto;
import io.huddle.protocol.ListBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Users, domains and the audit of administration, role admin only (docs/identity.md). */
final class AdminApi {
    static final String ADMIN = RestApi.BASE + "/admin";

    private final HttpSupport http;
    private final AdminService admin;

    AdminApi(HttpSupport http, AdminService admin) {
        this.http = http;
        this.admin = admin;
    }

    void register(RoutesConfig routes) {
        routes.get(ADMIN + "/domains", ctx -> http.send(ctx, 200, new ListBody<>(admin.domains(admin(ctx)).stream()
                .map(d -> new DomainDto(d.name(), d.users())).toList(), null)));
        routes.post(ADMIN + "/domains", ctx -> {
            User user = admin(ctx);
            var d = admin.createDomain(user, AdminBodies.domainName(http.body(ctx, JsonNode.class)));
            http.send(ctx, 201, new DomainDto(d.name(), d.users()));
        });
        routes.get(ADMIN + "/users", this::searchUsers);
        routes.post(ADMIN + "/users", ctx -> {
            User user = admin(ctx);
            http.send(ctx, 201, dto(admin.createUser(user, AdminBodies.newUser(http.body(ctx, JsonNode.class)))));
        });
        routes.get(ADMIN + "/users/{id}", ctx -> http.send(ctx, 200, dto(admin.user(admin(ctx),
                ctx.pathParam("id")))));
        routes.patch(ADMIN + "/users/{id}", ctx -> {
            User user = admin(ctx);
            http.send(ctx, 200, dto(admin.updateUser(user, ctx.pathParam("id"),
                    AdminBodies.patch(http.body(ctx, JsonNode.class)))));
        });
        routes.get(ADMIN + "/audit", this::audit);
    }

    /** The signed-in admin; anyone else is refused before their request is read. */
    private static User admin(Context ctx) {
        User user = HttpSupport.user(ctx);
        AdminService.requireAdmin(user);
        return user;
    }

    private void searchUsers(Context ctx) {
        User user = admin(ctx);
        UserQuery q = new UserQuery(user.tenant(), HttpSupport.textParam(ctx, "q"),
                HttpSupport.textParam(ctx, "domain"), roleParam(ctx), activeParam(ctx), HttpSupport.limitParam(ctx),
                HttpSupport.textParam(ctx, "cursor"));
        Page<UserAccount> page = admin.users(user, q);
        http.send(ctx, 200, new ListBody<>(page.items().stream().map(AdminApi::dto).toList(), page.nextCursor()));
    }

    private void audit(Context ctx) {
        User user = admin(ctx);
        AdminChangeQuery q = new AdminChangeQuery(user.tenant(), HttpSupport.textParam(ctx, "actorId"),
                HttpSupport.textParam(ctx, "action"), HttpSupport.textParam(ctx, "targetId"),
                HttpSupport.instantParam(ctx, "from"), HttpSupport.instantParam(ctx, "to"),
                HttpSupport.limitParam(ctx), HttpSupport.textParam(ctx, "cursor"));
        String accept = ctx.header("Accept");
        if (accept != null && accept.contains("text/csv")) {
            new AdminCsvExport(admin).write(ctx, user, q);
            return;
        }
        var page = admin.audit(user, q);
        http.send(ctx, 200, new ListBody<>(page.items().stream().map(AdminChangeDto::of).toList(),
                page.nextCursor()));
    }

    private static Role roleParam(Context ctx) {
        String v = HttpSupport.textParam(ctx, "role");
        if (v == null) {
            return null;
        }
        try {
            return Role.fromWire(v);
        } catch (IllegalArgumentException e) {
            throw DomainException.badRequest("query parameter 'role' must be one of "
                    + Arrays.stream(Role.values()).map(Role::wireName).collect(Collectors.joining(", ")));
        }
    }

    private static Boolean activeParam(Context ctx) {
        String v = HttpSupport.textParam(ctx, "active");
        if (v == null) {
            return null;
        }
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw DomainException.badRequest("query parameter 'active' must be true or false");
        };
    }

    private static AdminUserDto dto(UserAccount a) {
        return AdminUserDto.of(a.user(), a.source(), a.hasPassword());
    }
}
