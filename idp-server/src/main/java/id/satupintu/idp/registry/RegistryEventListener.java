package id.satupintu.idp.registry;

/** Receives the registry's change events, from whichever connector delivers them. */
@FunctionalInterface
public interface RegistryEventListener {

    /**
     * Called once per delivery; the same event may be delivered again and events may arrive out of
     * order (see {@link RegistryEvent}). An exception asks the sender to deliver the event again.
     */
    void onEvent(RegistryEvent event);
}
