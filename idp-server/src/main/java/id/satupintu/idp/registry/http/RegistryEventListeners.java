package id.satupintu.idp.registry.http;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import id.satupintu.idp.registry.RegistryEvent;
import id.satupintu.idp.registry.RegistryEventListener;

/**
 * The subscribers of the HTTP connector, fed by the webhook endpoint. A delivery fails (and the
 * webhook answers 503, so the registry sends the event again later) when a subscriber throws, and
 * also while nobody has subscribed yet: {@link id.satupintu.idp.registry.RegistryConnector#subscribe}
 * promises that events arriving before any listener are not lost, and the registry's redelivery is
 * what keeps that promise. Connector-internal hooks (the cache refresh) see every event first and do
 * not count as subscribers.
 */
public class RegistryEventListeners {

    private final List<RegistryEventListener> hooks = new CopyOnWriteArrayList<>();
    private final List<RegistryEventListener> subscribers = new CopyOnWriteArrayList<>();

    /** A subscriber, through {@link id.satupintu.idp.registry.RegistryConnector#subscribe}. */
    public void add(RegistryEventListener listener) {
        subscribers.add(listener);
    }

    /** A hook of the connector itself, run before the subscribers; not a subscriber. */
    void addHook(RegistryEventListener hook) {
        hooks.add(hook);
    }

    /**
     * @throws NoSubscriberException while nobody has subscribed
     * @throws RuntimeException the first subscriber failure, after every subscriber had its turn
     */
    public void deliver(RegistryEvent event) {
        if (subscribers.isEmpty()) {
            throw new NoSubscriberException();
        }
        RuntimeException failure = null;
        for (RegistryEventListener listener : hooks) {
            failure = call(listener, event, failure);
        }
        for (RegistryEventListener listener : subscribers) {
            failure = call(listener, event, failure);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static RuntimeException call(RegistryEventListener listener, RegistryEvent event,
                                         RuntimeException failure) {
        try {
            listener.onEvent(event);
            return failure;
        } catch (RuntimeException e) {
            if (failure == null) {
                return e;
            }
            failure.addSuppressed(e);
            return failure;
        }
    }

    /** Nobody receives events yet: the sender must deliver this one again later. */
    public static class NoSubscriberException extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        NoSubscriberException() {
            super("no subscriber for registry events yet");
        }
    }
}
