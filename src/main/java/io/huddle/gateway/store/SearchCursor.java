package io.huddle.gateway.store;

import io.huddle.domain.DomainException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The keyset of a search page: the (time, id) of the last item returned. On the wire it is opaque:
 * base64url, without padding, of {@code "<epochMillis>:<id>"}.
 */
record SearchCursor(long epochMillis, String id) {

    static final String INVALID = "cursor is not valid";

    static String encode(Instant time, String id) {
        String key = time.toEpochMilli() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor made by {@link #encode}; anything else is the caller's mistake: BAD_REQUEST. */
    static SearchCursor decode(String cursor) {
        String key;
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(cursor);
            key = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw DomainException.badRequest(INVALID);
        }
        int colon = key.indexOf(':');
        if (colon <= 0 || colon == key.length() - 1) {
            throw DomainException.badRequest(INVALID);
        }
        String millis = key.substring(0, colon);
        if (!millis.matches("-?[0-9]{1,19}")) {
            throw DomainException.badRequest(INVALID);
        }
        try {
            return new SearchCursor(Long.parseLong(millis), key.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw DomainException.badRequest(INVALID);
        }
    }
}
