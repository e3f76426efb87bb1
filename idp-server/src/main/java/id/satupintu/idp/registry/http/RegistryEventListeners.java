package id.satupintu.idp.registry.http;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import id.satupintu.idp.registry.RegistryEvent;
import id.satupintu.idp.registry.RegistryEventListener;

/**
 * The subscribers of the HTTP connector. The webhook endpoint {@linkplain #deliver delivers} each
 * verified event to all of them; a listener that throws makes the delivery fail so the registry
 * sends the event again (receivers apply by version, so the others see a harmless duplicate).
 */
public class RegistryEventListeners {

    private final List<RegistryEventListener> listeners = new CopyOnWriteArrayList<>();

    public void add(RegistryEventListener listener) {
        listeners.add(listener);
    }

    /** @throws RuntimeException the first listener failure, after every listener had its turn */
    public void deliver(RegistryEvent event) {
        RuntimeException failure = null;
        for (RegistryEventListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
