package id.satupintu.sdk.web;

import id.satupintu.sdk.Citizen;
import java.util.Optional;

/**
 * What the adapter does after {@link SsoFlow#handle}: stop ({@link #finished()}: the flow wrote the response) or pass the
 * request on, with the signed-in citizen when there is one.
 */
public final class FlowResult {

    private static final FlowResult RESPONDED = new FlowResult(true, null);
    private static final FlowResult ANONYMOUS = new FlowResult(false, null);

    private final boolean responded;
    private final Citizen citizen;

    private FlowResult(boolean responded, Citizen citizen) {
        this.responded = responded;
        this.citizen = citizen;
    }

    public static FlowResult finished() {
        return RESPONDED;
    }

    /** @param citizen the signed-in citizen, or null on a public path with nobody signed in */
    public static FlowResult proceed(Citizen citizen) {
        return citizen == null ? ANONYMOUS : new FlowResult(false, citizen);
    }

    /** @return true when the response was written and the adapter must not call the application */
    public boolean responded() {
        return responded;
    }

    public Optional<Citizen> citizen() {
        return Optional.ofNullable(citizen);
    }
}
