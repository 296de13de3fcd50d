package io.huddle.gateway.floor;

import io.huddle.domain.HelpRequest;
import io.huddle.domain.Interaction;
import io.huddle.domain.InteractionState;
import io.huddle.domain.Participant;
import io.huddle.domain.SupervisorAction;
import io.huddle.domain.TranscriptLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One batch of platform events applied to a tenant's floor, with the tenant's lock held. Each event is
 * checked against the floor as the earlier events of the batch left it (staged here), then everything the
 * batch changed and every event id is written in one transaction, and only then is the floor changed and
 * the changes published, in the events' order. A failed write changes nothing; a re-delivered event id is a
 * duplicate. Late events never move an interaction back: a state change older than the last one applied, and
 * anything about an interaction that ended or never started, is ignored.
 */
final class PlatformBatch {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PlatformBatch.class);
    private final Floors floors;
    private final TenantFloor f;
    private final Instant now;
    private final Map<String, Interaction> staged = new LinkedHashMap<>();
    private final Map<String, String> startedHere = new HashMap<>();
    private final Map<String, Instant> stateAt = new HashMap<>();
    private final List<HelpRequest> requests = new ArrayList<>();
    private final List<SupervisorAction> actions = new ArrayList<>();
    private final List<Runnable> effects = new ArrayList<>();

    PlatformBatch(Floors floors, TenantFloor f) {
        this.floors = floors;
        this.f = f;
        this.now = floors.now();
    }

    PlatformFact.Outcome apply(List<PlatformFact> facts) {
        List<String> ids = facts.stream().map(PlatformFact::eventId).distinct().toList();
        Set<String> seen = new HashSet<>(floors.store().seenPlatformEvents(f.tenant, ids));
        List<String> fresh = new ArrayList<>();
        int applied = 0;
        int ignored = 0;
        for (PlatformFact fact : facts) {
            if (!seen.add(fact.eventId())) {
                continue;
            }
            fresh.add(fact.eventId());
            if (stage(fact)) {
                applied++;
            } else {
                ignored++;
            }
        }
        if (!fresh.isEmpty()) {
            floors.store().savePlatformEvents(f.tenant, fresh, now, requests, actions, List.copyOf(staged.values()));
        }
        effects.forEach(Runnable::run);
        return new PlatformFact.Outcome(applied, facts.size() - fresh.size(), ignored);
    }

    private boolean stage(PlatformFact fact) {
        if (fact instanceof PlatformFact.Started s) {
            return start(s);
        }
        Interaction live = live(fact.platformInteractionId());
        if (live == null) {
            return false;
        }
        if (fact instanceof PlatformFact.StateChanged c) {
            return changeState(live, c);
        } else if (fact instanceof PlatformFact.Line l) {
            effects.add(() -> {
                floors.appendLine(f, f.live.get(live.id()), l.speaker(), PlatformSide.author(live, l.speaker()), l.text(),
                        TranscriptLine.Audience.ALL);
            });
            return true;
        } else if (fact instanceof PlatformFact.Ended) {
            end(live);
            return true;
        } else if (fact instanceof PlatformFact.LegEnded l) {
            return endLeg(live, l);
        }
        return false;
    }

    /** The interaction the platform knows by this id while it is live (as this batch has left it), or null. */
    private Interaction live(String platformId) {
        String id = startedHere.containsKey(platformId) ? startedHere.get(platformId) : f.byPlatform.get(platformId);
        if (id == null) {
            return null;
        }
        Interaction i = staged.containsKey(id) ? staged.get(id) : f.live.get(id);
        return i == null || !i.state().isLive() ? null : i;
    }

    private boolean start(PlatformFact.Started s) {
        String pid = s.platformInteractionId();
        if (startedHere.containsKey(pid) || f.byPlatform.containsKey(pid)
                || floors.store().findInteractionByPlatformId(f.tenant, pid).isPresent()) {
            return false; // already live, or over: a platform id starts once
        }
        Instant at = s.at().isAfter(now) ? now : s.at();
        List<Participant> people = List.of(
                new Participant("cust-" + pid, s.customerName(), Participant.Kind.CUSTOMER, null, null, at),
                new Participant(s.agent().id(), s.agent().displayName(), Participant.Kind.AGENT, null, null, at));
        Interaction i = new Interaction(Ids.next("ix"), f.tenant, s.agent().domain(), s.channel(), s.agent().id(),
                s.agent().displayName(), s.customerName(), s.queue(), at, InteractionState.ACTIVE, false, people,
                null, pid);
        staged.put(i.id(), i);
        startedHere.put(pid, i.id());
        stateAt.put(i.id(), at);
        effects.add(() -> {
            f.putInteraction(i, at);
            floors.publish(new FloorEvent.InteractionChanged(f.tenant, null, i));
        });
        return true;
    }

    private boolean changeState(Interaction before, PlatformFact.StateChanged c) {
        Instant last = stateAt.containsKey(before.id()) ? stateAt.get(before.id())
                : f.platformStateAt.getOrDefault(before.id(), before.startedAt());
        if (c.at().isBefore(last) || c.state() == before.state()) {
            return false;
        }
        Interaction after = before.withState(c.state(), now);
        staged.put(after.id(), after);
        stateAt.put(after.id(), c.at());
        effects.add(() -> {
            Interaction current = f.live.get(after.id());
            Interaction next = current.withState(c.state(), now);
            f.putInteraction(next, c.at());
            floors.publish(new FloorEvent.InteractionChanged(f.tenant, current, next));
        });
        return true;
    }

    private void end(Interaction before) {
        InteractionEnd end = InteractionEnd.of(f, before, now);
        staged.put(before.id(), end.ended());
        actions.addAll(end.closedActions());
        if (end.endedRequest() != null) {
            requests.add(end.endedRequest());
        }
        effects.add(() -> end.apply(floors, f));
    }

    private boolean endLeg(Interaction before, PlatformFact.LegEnded l) {
        if (l.supervisor() == null || before.legOf(l.supervisor().id()) == null) {
            return false;
        }
        String supervisorId = l.supervisor().id();
        LOG.info("the platform ended {}'s leg on {}: {}", supervisorId, before.id(),
                l.reason() == null ? "no reason given" : l.reason());
        SupervisorAction running = f.runningAction(before.id(), supervisorId);
        SupervisorAction ended = running == null ? null : running.end(now);
        if (ended != null) {
            actions.add(ended);
        }
        Interaction after = before.withoutLegOf(supervisorId);
        staged.put(after.id(), after);
        effects.add(() -> {
            Interaction current = f.live.get(after.id());
            Participant leg = current.legOf(supervisorId);
            Interaction next = current.withoutLegOf(supervisorId);
            if (ended != null) {
                f.putAction(ended);
            }
            f.putInteraction(next);
            floors.publish(new FloorEvent.InteractionChanged(f.tenant, current, next));
            if (leg != null) {
                LegAnnouncements.announce(floors, f, next, l.supervisor().displayName(), leg.mode(), null);
            }
        });
        return true;
    }
}
