package id.satupintu.keys.jca;

import java.io.IOException;
import java.io.InputStream;

/**
 * Loads the keys module's classes (and, unless hidden, ACCP's) afresh, child-first, so that a test
 * sees ACCP's one-time native loading happen again under other conditions, or ACCP missing from the
 * class path altogether. Everything else comes from the test's own class loader.
 */
final class IsolatedKeysClassLoader extends ClassLoader {

    private static final String KEYS = "id.satupintu.keys.";
    private static final String ACCP = "com.amazon.corretto.crypto.provider.";

    private final boolean hideAccp;

    IsolatedKeysClassLoader(boolean hideAccp) {
        super(IsolatedKeysClassLoader.class.getClassLoader());
        this.hideAccp = hideAccp;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        boolean isolated = (name.startsWith(KEYS) && !name.contains("Test")) || name.startsWith(ACCP);
        if (!isolated) {
            return super.loadClass(name, resolve);
        }
        if (hideAccp && name.startsWith(ACCP)) {
            throw new ClassNotFoundException(name + " (hidden by the test)");
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = defineFromParent(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    private Class<?> defineFromParent(String name) throws ClassNotFoundException {
        String resource = name.replace('.', '/') + ".class";
        try (InputStream in = getParent().getResourceAsStream(resource)) {
            if (in == null) {
                throw new ClassNotFoundException(name);
            }
            byte[] bytes = in.readAllBytes();
            return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
    }
}
