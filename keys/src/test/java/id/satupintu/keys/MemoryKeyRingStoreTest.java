package id.satupintu.keys;

/** The ring-store contract on the in-memory store. */
class MemoryKeyRingStoreTest extends KeyRingStoreContract {

    @Override
    protected KeyRingStore store() {
        return new MemoryKeyRingStore();
    }
}
