package io.huddle.gateway.floor;

import io.huddle.domain.DomainException;
import io.huddle.domain.Role;
import io.huddle.domain.TenantSettings;
import io.huddle.domain.User;
import java.util.function.UnaryOperator;

/** Each tenant's settings as the floor runs by them: read by anyone, changed by the tenant's admin. */
public final class FloorSettings {
    private final Floors floors;

    public FloorSettings(Floors floors) {
        this.floors = floors;
    }

    public TenantSettings settings(String tenant) {
        return floors.locked(tenant, f -> f.settings);
    }

    /**
     * The tenant's settings as the floor runs by them now, without waiting for the tenant's lock: for readers that
     * only need a setting (analytics) while a long change, such as the escalation ladder catching up after a stop,
     * holds the lock. The settings are one immutable value, replaced whole.
     */
    public TenantSettings current(String tenant) {
        return floors.tenant(tenant).settings;
    }

    /** Gives a tenant a floor with these settings (saved), unless it has one. */
    public void ensureTenant(TenantSettings settings) {
        floors.ensureTenant(settings);
    }

    /** Changes the admin's tenant settings: {@code change} gets the current ones, under the tenant's lock. */
    public TenantSettings updateSettings(User admin, UnaryOperator<TenantSettings> change) {
        if (!admin.has(Role.ADMIN)) {
            throw DomainException.forbidden("changing tenant settings requires the admin role");
        }
        return floors.changing(admin.tenant(), f -> {
            TenantSettings next = change.apply(f.settings);
            if (!admin.tenant().equals(next.tenant())) {
                throw DomainException.notFound("tenant", next.tenant());
            }
            floors.store().saveTenantSettings(next);
            f.settings(next);
            return next;
        });
    }
}
