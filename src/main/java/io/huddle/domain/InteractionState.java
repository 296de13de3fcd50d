package io.huddle.domain;

/** Where an interaction is in its life. Only ENDED interactions leave the live list. */
public enum InteractionState {
    ACTIVE, ON_HOLD, WRAP_UP, ENDED;

    public boolean isLive() {
        return this != ENDED;
    }
}
