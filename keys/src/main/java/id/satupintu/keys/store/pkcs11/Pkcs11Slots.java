package id.satupintu.keys.store.pkcs11;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The slots of a PKCS#11 library that hold a token, with their labels ({@code C_GetSlotList(TRUE)},
 * {@code C_GetTokenInfo}, PKCS#11 v2.40 §5.5). The JDK offers no public API for this, so it goes
 * through the JDK's internal wrapper, which shares the library instance SunPKCS11 uses; when the
 * wrapper is not exported to this code, {@link #list} says so instead of failing.
 */
final class Pkcs11Slots {

    /** A slot with a token present; {@code initialised} is {@code CKF_TOKEN_INITIALIZED}. */
    record Slot(long id, String label, boolean initialised) {

        @Override
        public String toString() {
            return id + (initialised ? " (label '" + label + "')" : " (token not initialised)");
        }
    }

    private static final long CKF_TOKEN_INITIALIZED = 0x400L;

    /** The slot list, or why it could not be read. */
    record Listing(List<Slot> slots, String unavailableBecause) {

        Optional<Slot> byId(long id) {
            return slots.stream().filter(s -> s.id() == id).findFirst();
        }

        Optional<Slot> byLabel(String label) {
            return slots.stream().filter(s -> s.initialised() && s.label().equals(label)).findFirst();
        }

        boolean known() {
            return unavailableBecause == null;
        }

        /** @return {@code available: 0 (label 'a'), 7 (label 'b')}, or why the slots are unknown */
        String describe() {
            if (!known()) {
                return "available slots unknown (" + unavailableBecause + ")";
            }
            if (slots.isEmpty()) {
                return "the library reports no slot with a token";
            }
            return "available: " + slots.stream().map(Slot::toString).collect(Collectors.joining(", "));
        }
    }

    private static final String WRAPPER = "sun.security.pkcs11.wrapper.";

    private Pkcs11Slots() {
    }

    static Listing list(Path library) {
        try {
            Class<?> pkcs11 = Class.forName(WRAPPER + "PKCS11");
            Class<?> initArgs = Class.forName(WRAPPER + "CK_C_INITIALIZE_ARGS");
            Method getInstance = pkcs11.getMethod("getInstance", String.class, String.class, initArgs, boolean.class);
            Object args = initArgs.getConstructor().newInstance();
            initArgs.getField("flags").setLong(args, 0x2L); // CKF_OS_LOCKING_OK, as SunPKCS11 itself passes
            Object module = getInstance.invoke(null, library.toString(), "C_GetFunctionList", args, false);
            long[] ids = (long[]) pkcs11.getMethod("C_GetSlotList", boolean.class).invoke(module, true);
            Method tokenInfo = pkcs11.getMethod("C_GetTokenInfo", long.class);
            Class<?> tokenInfoClass = Class.forName(WRAPPER + "CK_TOKEN_INFO");
            Field label = tokenInfoClass.getField("label");
            Field flags = tokenInfoClass.getField("flags");
            List<Slot> slots = new ArrayList<>();
            for (long id : ids) {
                Object info = tokenInfo.invoke(module, id);
                slots.add(new Slot(id, new String((char[]) label.get(info)).strip(),
                        (flags.getLong(info) & CKF_TOKEN_INITIALIZED) != 0));
            }
            return new Listing(List.copyOf(slots), null);
        } catch (IllegalAccessException | IllegalAccessError | ClassNotFoundException | NoSuchMethodException
                | NoSuchFieldException | InstantiationException e) {
            return new Listing(List.of(), "run the JVM with --add-exports "
                    + "jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED to list them");
        } catch (InvocationTargetException e) {
            return new Listing(List.of(), "the library failed: " + e.getCause());
        } catch (RuntimeException e) {
            return new Listing(List.of(), "the library failed: " + e);
        }
    }
}
