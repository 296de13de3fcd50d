package io.huddle.gateway.store;

/** What an analytics query groups by; {@link #TOTAL} is one group of everything that matched. */
public enum AnalyticsGroup {
    HOUR, DAY, AGENT, SUPERVISOR, QUEUE, CHANNEL, REASON, TOTAL;

    /** Hours and days are ordered by time; the other groups by size. */
    public boolean isTime() {
        return this == HOUR || this == DAY;
    }
}
