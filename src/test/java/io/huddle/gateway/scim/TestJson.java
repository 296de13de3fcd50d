package io.huddle.gateway.scim;

import io.huddle.gateway.TestGateway;

/** Reading one field of a JSON answer. */
final class TestJson {
    private TestJson() {
    }

    static String text(String body, String field) {
        return TestGateway.json(body).path(field).asText(null);
    }
}
