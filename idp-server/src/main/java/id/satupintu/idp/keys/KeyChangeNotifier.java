package id.satupintu.idp.keys;

/**
 * Tells the other nodes that the key ring changed, so they reload at once instead of at their
 * next poll. A lost notification costs only the poll interval: the database stays the truth.
 */
public interface KeyChangeNotifier {

    /** The Redis pub/sub channel. */
    String CHANNEL = "satupintu:keys:changed";

    void ringChanged(long revision);

    /** One node (no Redis): nobody else to tell. */
    KeyChangeNotifier SINGLE_NODE = revision -> { };
}
