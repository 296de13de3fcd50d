package io.huddle.simulator;

import io.huddle.client.GatewayClient;
import io.huddle.client.GatewayException;
import io.huddle.client.GatewayUnreachableException;
import io.huddle.client.SignedIn;
import io.huddle.domain.HelpRequestStatus;
import io.huddle.protocol.HelpRequestDto;
import io.huddle.protocol.InteractionDto;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated agents' side of help requests. A platform does not ask Huddle for help; its agents do,
 * from Huddle's agent app. So the simulated agents sign in to the gateway as themselves (the demo's
 * password) and use the REST API as the agent app's people do: ask for help now and then, cancel some
 * that wait long, close the ones that were helped. An agent that cannot sign in simply never asks.
 * Used from the simulator's one thread.
 */
final class HelpDesk implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HelpDesk.class);

    private final URI gateway;
    private final String tenant;
    private final char[] password;
    private final RandomGenerator random;
    private final Map<String, GatewayClient> signedIn = new HashMap<>();
    private final Map<String, Boolean> cannotSignIn = new HashMap<>();
    /** Requests the simulated agents raised and have not seen end: id to the agent who raised it. */
    private final Map<String, String> open = new HashMap<>();

    HelpDesk(URI gateway, String tenant, char[] password, RandomGenerator random) {
        this.gateway = gateway;
        this.tenant = tenant;
        this.password = password.clone();
        this.random = random;
    }

    /** An agent on an active call asks for help, now and then. */
    void maybeAsk(SimulatedFloor.Call call) {
        if (random.nextInt(400) != 0 || open.containsValue(call.agent())) {
            return;
        }
        GatewayClient agent = client(call.agent());
        if (agent == null) {
            return;
        }
        try {
            InteractionDto mine = agent.interactions().stream()
                    .filter(i -> call.id().equals(i.platformId())).findFirst().orElse(null);
            if (mine == null) {
                return; // the gateway has not applied the call's start yet
            }
            HelpRequestDto r = agent.raiseHelp(mine.id(), Scripts.pick(Scripts.HELP_REASONS, random),
                    random.nextBoolean() ? "Customer is asking for a manager" : null);
            open.put(r.id(), call.agent());
        } catch (GatewayException e) {
            LOG.debug("{} of {} did not ask for help: {}", call.agent(), tenant, e.getMessage());
        }
    }

    /** Looks at the requests still open: cancels some that waited long, closes some that were helped. */
    void followUp(Instant now) {
        for (Iterator<Map.Entry<String, String>> it = open.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, String> e = it.next();
            GatewayClient agent = client(e.getValue());
            if (agent == null) {
                it.remove();
                continue;
            }
            try {
                HelpRequestDto r = agent.helpRequest(e.getKey());
                if (!r.status().isOpen()) {
                    it.remove();
                } else if (r.status() == HelpRequestStatus.PENDING
                        && Duration.between(r.createdAt(), now).toSeconds() > 90 && random.nextInt(30) == 0) {
                    agent.cancelHelp(r.id());
                    it.remove();
                } else if (r.status() == HelpRequestStatus.IN_PROGRESS
                        && Duration.between(r.acceptedAt(), now).toSeconds() > 120 && random.nextInt(20) == 0) {
                    agent.closeHelp(r.id());
                    it.remove();
                }
            } catch (GatewayException ex) {
                LOG.debug("{} of {}: {}", e.getValue(), tenant, ex.getMessage());
                if (ex.status() == 404) {
                    it.remove();
                }
            }
        }
    }

    private GatewayClient client(String agent) {
        GatewayClient c = signedIn.get(agent);
        if (c != null || cannotSignIn.containsKey(agent)) {
            return c;
        }
        try {
            SignedIn session = GatewayClient.signIn(gateway, tenant, agent, password);
            c = new GatewayClient(session);
            signedIn.put(agent, c);
            return c;
        } catch (GatewayException | GatewayUnreachableException e) {
            LOG.info("simulated agent {} of {} cannot sign in, so never asks for help: {}", agent, tenant,
                    e.getMessage());
            cannotSignIn.put(agent, Boolean.TRUE);
            return null;
        }
    }

    @Override
    public void close() {
        signedIn.values().forEach(GatewayClient::close);
        signedIn.clear();
    }
}
