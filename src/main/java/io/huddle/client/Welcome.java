package io.huddle.client;

import io.huddle.protocol.UserDto;
import java.time.Instant;

/**
 * The gateway's welcome on a new connection.
 *
 * @param resumed true when the stream was resumed: the frames missed follow, and no snapshot; false when
 *                this is a new stream: a snapshot follows
 * @param seq     the stream's last sequence number at the time of the welcome
 */
public record Welcome(String streamId, UserDto user, int heartbeatSeconds, boolean resumed, long seq,
                      Instant serverTime) {
}
