package io.huddle.gateway.admin;

import io.huddle.domain.DomainException;
import io.huddle.domain.Role;
import io.huddle.domain.TenantSettings;
import io.huddle.gateway.store.GatewayStore;
import io.huddle.gateway.store.UserAccount;
import java.util.List;

/**
 * A tenant's first administrator, made on the gateway's machine ({@code huddle admin bootstrap}): the tenant
 * and its domain when missing, then the admin, all recorded with the actor {@code cli}. Refused when the
 * tenant already has an active admin, so it can neither make a second way in nor take a tenant over.
 */
public final class FirstAdmin {
    private final GatewayStore store;
    private final AdminService admin;

    public FirstAdmin(GatewayStore store, AdminService admin) {
        this.store = store;
        this.admin = admin;
    }

    /** Creates the first admin with this password; answers the user. */
    public UserAccount create(String tenant, String username, String domain, String displayName, String password) {
        UserRules.name("tenant", tenant);
        UserRules.name("domain", domain);
        boolean hasAdmin = store.users(tenant).stream().anyMatch(u -> u.active() && u.has(Role.ADMIN));
        if (hasAdmin) {
            throw DomainException.conflict("tenant '" + tenant + "' has an active admin already: they can add"
                    + " more admins (huddle admin users create)");
        }
        Actor cli = Actor.cli(tenant);
        if (store.tenantSettings(tenant).isEmpty()) {
            store.saveTenantSettings(TenantSettings.defaults(tenant));
        }
        if (!admin.domainExists(tenant, domain)) {
            store.saveDomain(tenant, domain, admin.change(cli, "domain.create", "domain", domain,
                    "domain '" + domain + "'"));
        }
        return admin.create(cli, new NewUser(username, displayName, domain, List.of(Role.ADMIN.wireName()), null,
                password));
    }
}
