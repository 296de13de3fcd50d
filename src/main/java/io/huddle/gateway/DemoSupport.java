package io.huddle.gateway;

import io.huddle.domain.Role;
import io.huddle.domain.TenantSettings;
import io.huddle.domain.User;
import io.huddle.gateway.auth.PasswordHasher;
import io.huddle.gateway.floor.FloorService;
import io.huddle.gateway.sim.Simulation;
import io.huddle.gateway.store.GatewayStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo mode: tenants acme and globex with their users (password "demo", stored as a real PBKDF2 hash)
 * and a simulated contact center per tenant. Seeding runs once per data directory.
 */
final class DemoSupport implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoSupport.class);
    static final String PASSWORD = "demo";

    private final GatewayStore store;
    private final PasswordHasher hasher;
    private final GatewayConfig config;
    private final List<Simulation> simulations = new ArrayList<>();

    DemoSupport(GatewayStore store, PasswordHasher hasher, GatewayConfig config) {
        this.store = store;
        this.hasher = hasher;
        this.config = config;
    }

    void seedIfAsked() {
        if (!config.demo() || store.findUser("acme", "supervisor1").isPresent()) {
            return;
        }
        String hash = hasher.hash(PASSWORD.toCharArray());
        for (String tenant : List.of("acme", "globex")) {
            store.saveTenantSettings(TenantSettings.defaults(tenant));
            user(tenant, "support", "supervisor1", "Supervisor One", hash, Role.AWA_MANAGER);
            user(tenant, "support", "supervisor2", "Supervisor Two", hash, Role.AWA_MANAGER);
            user(tenant, "support", "agent1", "Agent One", hash, Role.AWA_AGENT);
            user(tenant, "support", "agent2", "Agent Two", hash, Role.AWA_AGENT);
            user(tenant, "support", "agent3", "Agent Three", hash, Role.AWA_AGENT);
            user(tenant, "support", "auditor1", "Auditor One", hash, Role.AUDITOR);
            user(tenant, "support", "admin1", "Admin One", hash, Role.ADMIN);
        }
        user("acme", "sales", "salessupervisor1", "Sales Supervisor One", hash, Role.AWA_MANAGER);
        user("acme", "sales", "salesagent1", "Sales Agent One", hash, Role.AWA_AGENT);
        LOG.info("demo tenants acme and globex seeded (password '{}' for every demo user)", PASSWORD);
    }

    private void user(String tenant, String domain, String username, String name, String hash, Role role) {
        // the demo platform knows each demo user by their username
        store.saveUser(new User(tenant + ":" + username, tenant, domain, username, name, Set.of(role), username),
                hash);
    }

    void startSimulation(FloorService floor) {
        if (!config.demo() || !config.simulate()) {
            return;
        }
        for (String tenant : List.of("acme", "globex")) {
            simulations.add(Simulation.start(floor, store, hasher, tenant));
        }
    }

    @Override
    public void close() {
        simulations.forEach(Simulation::close);
        simulations.clear();
    }
}
