package io.huddle.journal;

/** Whose journal: the signed-in supervisor's tenant, domain and user id. */
public record JournalScope(String tenant, String domain, String supervisorId) {
}
