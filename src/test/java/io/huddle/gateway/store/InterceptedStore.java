package io.huddle.gateway.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * A real store with some of its calls answered otherwise, for tests of what the floor does when the database fails,
 * is slow, or holds a stand-in floor log: every call goes to {@code around}, which may pass it on.
 */
public final class InterceptedStore {

    /** Decides one call: answers it, throws, waits, or passes it on with {@code real.call()}. */
    @FunctionalInterface
    public interface Around {
        Object call(String method, Object[] args, RealCall real) throws Throwable;
    }

    /** The call as the real store would answer it. */
    @FunctionalInterface
    public interface RealCall {
        Object call() throws Throwable;
    }

    private InterceptedStore() {
    }

    public static GatewayStore of(GatewayStore real, Around around) {
        return (GatewayStore) Proxy.newProxyInstance(GatewayStore.class.getClassLoader(),
                new Class<?>[] {GatewayStore.class}, (proxy, method, args) -> around.call(method.getName(), args,
                        () -> {
                            try {
                                return method.invoke(real, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        }));
    }
}
