package io.huddle.gateway.stream;

import io.huddle.domain.HelpRequest;
import io.huddle.domain.HelpRequestStatus;
import io.huddle.gateway.floor.FloorEvent;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who outside an event's domain might be entitled to it: the supervisors of other domains a help request was
 * escalated to. The stream offers the event to their streams too; Visibility still decides what each one gets.
 */
final class EscalatedReach {
    private EscalatedReach() {
    }

    /** The user ids to offer {@code event} to beyond its domain; {@code open} is its interaction's open request. */
    static Set<String> candidates(FloorEvent event, HelpRequest open) {
        Set<String> ids = new LinkedHashSet<>();
        if (event instanceof FloorEvent.HelpRequestChanged e) {
            addPeople(ids, e.before());
            addPeople(ids, e.request());
        } else if (event instanceof FloorEvent.Notification e) {
            ids.addAll(e.recipients());
        } else if (open != null && open.status() == HelpRequestStatus.IN_PROGRESS && open.helpProvidedBy() != null) {
            ids.add(open.helpProvidedBy());
        }
        return ids;
    }

    /** The interaction an event is about (null for a help request's own events). */
    static String interactionOf(FloorEvent event) {
        if (event instanceof FloorEvent.InteractionChanged e) {
            return e.after().id();
        }
        if (event instanceof FloorEvent.InteractionEnded e) {
            return e.interaction().id();
        }
        if (event instanceof FloorEvent.TranscriptAppended e) {
            return e.interaction().id();
        }
        return null;
    }

    private static void addPeople(Set<String> ids, HelpRequest r) {
        if (r != null) {
            ids.addAll(r.assignedTo());
            if (r.helpProvidedBy() != null) {
                ids.add(r.helpProvidedBy());
            }
        }
    }
}
