package io.huddle.gateway.floor;

import java.util.concurrent.ThreadLocalRandom;

/** Makes ids that sort roughly by creation time and are safe in URLs: {@code hr-lz3k9q2a-x81kfj0q}. */
public final class Ids {
    private Ids() {
    }

    public static String next(String prefix) {
        long random = ThreadLocalRandom.current().nextLong() >>> 1;
        String tail = Long.toString(random, 36);
        return prefix + "-" + Long.toString(System.currentTimeMillis(), 36) + "-"
                + tail.substring(0, Math.min(10, tail.length()));
    }
}
