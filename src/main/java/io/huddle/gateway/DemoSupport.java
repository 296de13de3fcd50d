package io.huddle.gateway;

import io.huddle.domain.Role;
import io.huddle.domain.TenantSettings;
import io.huddle.domain.User;
import io.huddle.gateway.auth.PasswordHasher;
import io.huddle.domain.Interaction;
import io.huddle.domain.InteractionState;
import io.huddle.gateway.store.GatewayStore;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo mode: tenants acme and globex with their users (password "demo", stored as a real PBKDF2 hash),
 * each known to the demo's simulated platform by their username, and the simulated platform's agents.
 * Seeding runs once per data directory. The simulated contact center itself runs outside the gateway, on
 * the far side of the Platform API (io.huddle.simulator).
 */
final class DemoSupport {
    private static final Logger LOG = LoggerFactory.getLogger(DemoSupport.class);
    static final String PASSWORD = "demo";
    static final List<String> TENANTS = List.of("acme", "globex");
    /** The simulated platform's agents' names; their usernames and platform ids are sim-agent-01 to -16. */
    private static final List<String> SIM_AGENT_NAMES = List.of("Ivan Sokolov", "Fatima Zahra", "Kenji Mori",
            "Sofia Lopez", "Daniel Weber", "Amara Obi", "Luca Bianchi", "Hana Novak", "Pedro Alves", "Nina Berg",
            "Yusuf Demir", "Clara Dubois", "Mateo Garcia", "Ingrid Holm", "Ravi Patel", "Zoe Walsh");

    private final GatewayStore store;
    private final PasswordHasher hasher;
    private final GatewayConfig config;

    DemoSupport(GatewayStore store, PasswordHasher hasher, GatewayConfig config) {
        this.store = store;
        this.hasher = hasher;
        this.config = config;
    }

    void seedIfAsked() {
        if (!config.demo()) {
            return;
        }
        if (store.findUser("acme", "supervisor1").isEmpty()) {
            seed(hasher.hash(PASSWORD.toCharArray()));
        } else if (store.findUser("acme", "sim-agent-01").map(u -> u.platformUserId() == null).orElse(true)) {
            upgrade(hasher.hash(PASSWORD.toCharArray()));
        }
    }

    private void seed(String hash) {
        for (String tenant : TENANTS) {
            store.saveTenantSettings(TenantSettings.defaults(tenant));
            domains(tenant, "support", "sales");
            user(tenant, "support", "supervisor1", "Supervisor One", hash, Role.AWA_MANAGER);
            user(tenant, "support", "supervisor2", "Supervisor Two", hash, Role.AWA_MANAGER);
            user(tenant, "support", "agent1", "Agent One", hash, Role.AWA_AGENT);
            user(tenant, "support", "agent2", "Agent Two", hash, Role.AWA_AGENT);
            user(tenant, "support", "agent3", "Agent Three", hash, Role.AWA_AGENT);
            user(tenant, "support", "auditor1", "Auditor One", hash, Role.AUDITOR);
            user(tenant, "support", "admin1", "Admin One", hash, Role.ADMIN);
            simAgents(tenant, hash);
        }
        user("acme", "sales", "salessupervisor1", "Sales Supervisor One", hash, Role.AWA_MANAGER);
        user("acme", "sales", "salesagent1", "Sales Agent One", hash, Role.AWA_AGENT);
        LOG.info("demo tenants acme and globex seeded (password '{}' for every demo user)", PASSWORD);
    }

    /** The demo's domains, each added unless the tenant has it already. */
    private void domains(String tenant, String... names) {
        for (String name : names) {
            if (store.domains(tenant).stream().noneMatch(d -> d.name().equals(name))) {
                store.saveDomain(tenant, name, null);
            }
        }
    }

    private void simAgents(String tenant, String hash) {
        for (int n = 1; n <= SIM_AGENT_NAMES.size(); n++) {
            user(tenant, n <= 12 ? "support" : "sales", String.format("sim-agent-%02d", n),
                    SIM_AGENT_NAMES.get(n - 1), hash, Role.AWA_AGENT);
        }
    }

    /**
     * Demo data from before the Platform API: every demo user gets the platform id the simulated platform
     * knows them by, the simulated agents can sign in to ask for help, and the contacts the old in-gateway
     * simulation left live (no platform reported them, so none would ever end them) end now.
     */
    private void upgrade(String hash) {
        for (String tenant : TENANTS) {
            for (User u : store.users(tenant)) {
                if (u.platformUserId() == null && !u.username().startsWith("sim-agent-")) {
                    store.saveUser(new User(u.id(), u.tenant(), u.domain(), u.username(), u.displayName(), u.roles(),
                            u.username()), store.passwordHash(u.id()).orElse(null));
                }
            }
            simAgents(tenant, hash);
        }
        java.time.Instant now = java.time.Instant.now();
        int ended = 0;
        for (Interaction i : store.liveInteractions()) {
            if (i.platformId() == null && TENANTS.contains(i.tenant())) {
                store.saveInteraction(i.withParticipants(i.participants().stream().filter(p -> !p.isSupervisor())
                        .toList()).withHelpRequested(false).withState(InteractionState.ENDED, now));
                ended++;
            }
        }
        LOG.info("demo data upgraded for the simulated platform ({} old simulated contacts ended)", ended);
    }

    private void user(String tenant, String domain, String username, String name, String hash, Role role) {
        // the demo platform knows each demo user by their username
        store.saveUser(new User(tenant + ":" + username, tenant, domain, username, name, Set.of(role), username),
                hash);
    }
}
