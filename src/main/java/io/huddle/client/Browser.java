package io.huddle.client;

import java.io.IOException;
import java.net.URI;

/** Opens a web page in the person's browser: the identity provider's sign-in page, for single sign-on. */
@FunctionalInterface
public interface Browser {
    /**
     * Opens the page and returns; the person carries on in the browser.
     *
     * @throws IOException when no browser could be opened (the caller then shows the address to copy)
     */
    void open(URI page) throws IOException;
}
