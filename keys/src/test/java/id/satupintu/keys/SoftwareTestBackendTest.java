package id.satupintu.keys;

/** The contract on the simplest back end: keeps the contract itself honest. */
class SoftwareTestBackendTest extends KeyBackendContract {

    @Override
    protected KeyBackend backend() {
        return new SoftwareTestBackend();
    }
}
