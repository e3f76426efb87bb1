package id.satupintu.keys.cli;

import java.util.Locale;

import id.satupintu.keys.KeyAlgorithm;
import id.satupintu.keys.UnsupportedKeyException;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --alg}: a JOSE name (RS256, PS256, ES256, EdDSA, RSA-OAEP-256), in any case. */
final class AlgorithmConverter implements ITypeConverter<KeyAlgorithm> {

    @Override
    public KeyAlgorithm convert(String value) {
        for (KeyAlgorithm algorithm : KeyAlgorithm.values()) {
            if (algorithm.joseName().equalsIgnoreCase(value) || algorithm.name().equalsIgnoreCase(value)) {
                return algorithm;
            }
        }
        try {
            return KeyAlgorithm.fromJoseName(value.toUpperCase(Locale.ROOT));
        } catch (UnsupportedKeyException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
