package io.huddle.domain;

/** Which call controls a supervisor may use on an interaction now, and why not for each that is off. */
public record Controls(Control monitor, Control coach, Control bargeIn, Control disconnect) {

    /** One control: enabled, or disabled with a reason a person can act on. */
    public record Control(boolean enabled, String reason) {
        public static Control on() {
            return new Control(true, null);
        }

        public static Control off(String reason) {
            return new Control(false, reason);
        }
    }

    public static Controls allOff(String reason) {
        Control off = Control.off(reason);
        return new Controls(off, off, off, off);
    }

    public Control forAction(ActionType action) {
        return switch (action) {
            case MONITOR -> monitor;
            case COACH -> coach;
            case BARGE_IN -> bargeIn;
            case DISCONNECT -> disconnect;
        };
    }
}
