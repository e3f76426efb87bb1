package id.satupintu.keys.store.pkcs11;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * Where the HSM is: the vendor's PKCS#11 library, the token (by slot id, or by its
 * {@code CK_TOKEN_INFO.label}, PKCS#11 v2.40 §3.2) and the user PIN. Exactly one of {@code slot}
 * and {@code tokenLabel} is set. The PIN is copied and never appears in {@link #toString()}.
 *
 * <p>Finding a token by label, and listing the available slots in error messages, reads the
 * library's slot list through the JDK's internal PKCS#11 wrapper; the JVM needs
 * {@code --add-exports jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED} for that.
 * Without it, configure the slot.
 */
public record Pkcs11Settings(Path library, Long slot, String tokenLabel, char[] pin) {

    public Pkcs11Settings {
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(pin, "pin");
        if ((slot == null) == (tokenLabel == null)) {
            throw new IllegalArgumentException("configure exactly one of the PKCS#11 slot and the token label");
        }
        pin = pin.clone();
    }

    /** @param slot the PKCS#11 slot id ({@code CK_SLOT_ID}) */
    public static Pkcs11Settings bySlot(Path library, long slot, char[] pin) {
        return new Pkcs11Settings(library, slot, null, pin);
    }

    /** @param tokenLabel the token's label, without the blank padding PKCS#11 adds */
    public static Pkcs11Settings byTokenLabel(Path library, String tokenLabel, char[] pin) {
        return new Pkcs11Settings(library, null, tokenLabel, pin);
    }

    /** @return a copy of the PIN */
    @Override
    public char[] pin() {
        return pin.clone();
    }

    /** @return how the token is named in messages: {@code slot 5} or {@code token 'satupintu'} */
    public String token() {
        return slot != null ? "slot " + slot : "token '" + tokenLabel + "'";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Pkcs11Settings that && library.equals(that.library) && Objects.equals(slot, that.slot)
                && Objects.equals(tokenLabel, that.tokenLabel) && Arrays.equals(pin, that.pin);
    }

    @Override
    public int hashCode() {
        return Objects.hash(library, slot, tokenLabel);
    }

    @Override
    public String toString() {
        return "Pkcs11Settings[library=" + library + ", " + token() + ", pin=****]";
    }
}
