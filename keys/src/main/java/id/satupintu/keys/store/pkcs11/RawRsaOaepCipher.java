package id.satupintu.keys.store.pkcs11;

import java.io.ByteArrayOutputStream;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.InvalidParameterSpecException;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import java.util.Locale;

import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.CipherSpi;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * RSAES-OAEP (RFC 8017 §7.1) for keys in a PKCS#11 token: decryption is raw RSA in the token
 * ({@code RSA/ECB/NoPadding} = {@code CKM_RSA_X_509}) followed by {@link OaepDecoding}; encryption,
 * which needs only the public key, is the JDK's own OAEP. Without an {@link OAEPParameterSpec} the
 * transformation's JDK defaults apply; RSA-OAEP-256 (RFC 7518 §4.3) callers pass SHA-256 with MGF1 SHA-256.
 */
final class RawRsaOaepCipher extends CipherSpi {

    private final Provider token;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final OAEPParameterSpec defaults;
    private OAEPParameterSpec parameters;
    private Cipher delegate;
    private boolean decrypting;
    private int modulusBytes;

    RawRsaOaepCipher(Provider token, OAEPParameterSpec defaults) {
        this.token = token;
        this.defaults = defaults;
        this.parameters = defaults;
    }

    @Override
    protected void engineSetMode(String mode) throws NoSuchAlgorithmException {
        if (!"ECB".equalsIgnoreCase(mode) && !"NONE".equalsIgnoreCase(mode)) {
            throw new NoSuchAlgorithmException("RSA-OAEP has no mode " + mode);
        }
    }

    @Override
    protected void engineSetPadding(String padding) throws NoSuchPaddingException {
        String name = padding.toUpperCase(Locale.ROOT);
        if (!name.equals("OAEPPADDING") && !name.startsWith("OAEPWITHSHA")) {
            throw new NoSuchPaddingException("only OAEP padding here, not " + padding);
        }
    }

    @Override
    protected int engineGetBlockSize() {
        return 0;
    }

    @Override
    protected int engineGetOutputSize(int inputLen) {
        return modulusBytes;
    }

    @Override
    protected byte[] engineGetIV() {
        return null;
    }

    @Override
    protected AlgorithmParameters engineGetParameters() {
        try {
            AlgorithmParameters params = AlgorithmParameters.getInstance("OAEP");
            params.init(parameters);
            return params;
        } catch (NoSuchAlgorithmException | InvalidParameterSpecException e) {
            return null;
        }
    }

    @Override
    protected void engineInit(int opmode, Key key, SecureRandom random) throws InvalidKeyException {
        try {
            engineInit(opmode, key, (AlgorithmParameterSpec) null, random);
        } catch (InvalidAlgorithmParameterException e) {
            throw new InvalidKeyException(e);
        }
    }

    @Override
    protected void engineInit(int opmode, Key key, AlgorithmParameters params, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        try {
            engineInit(opmode, key, params == null ? null : params.getParameterSpec(OAEPParameterSpec.class), random);
        } catch (InvalidParameterSpecException e) {
            throw new InvalidAlgorithmParameterException(e);
        }
    }

    @Override
    protected void engineInit(int opmode, Key key, AlgorithmParameterSpec params, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        if (params != null && !(params instanceof OAEPParameterSpec)) {
            throw new InvalidAlgorithmParameterException("RSA-OAEP takes an OAEPParameterSpec");
        }
        OAEPParameterSpec oaep = params == null ? defaults : (OAEPParameterSpec) params;
        if (!"MGF1".equalsIgnoreCase(oaep.getMGFAlgorithm()) || !(oaep.getMGFParameters() instanceof MGF1ParameterSpec)
                || !(oaep.getPSource() instanceof PSource.PSpecified)) {
            throw new InvalidAlgorithmParameterException("RSA-OAEP here uses MGF1 and a specified label only");
        }
        buffer.reset();
        parameters = oaep;
        modulusBytes = key instanceof RSAKey rsa ? (rsa.getModulus().bitLength() + 7) / 8 : 0;
        try {
            if (opmode == Cipher.DECRYPT_MODE || opmode == Cipher.UNWRAP_MODE) {
                if (!(key instanceof PrivateKey)) {
                    throw new InvalidKeyException("decryption needs the private key");
                }
                decrypting = true;
                delegate = Cipher.getInstance("RSA/ECB/NoPadding", token);
                delegate.init(Cipher.DECRYPT_MODE, key, random);
            } else if (opmode == Cipher.ENCRYPT_MODE || opmode == Cipher.WRAP_MODE) {
                if (!(key instanceof PublicKey)) {
                    throw new InvalidKeyException("encryption needs the public key");
                }
                decrypting = false;
                delegate = Cipher.getInstance("RSA/ECB/OAEPPadding");
                delegate.init(Cipher.ENCRYPT_MODE, key, oaep, random == null ? new SecureRandom() : random);
            } else {
                throw new InvalidKeyException("unknown cipher mode " + opmode);
            }
        } catch (NoSuchAlgorithmException | NoSuchPaddingException e) {
            throw new InvalidKeyException("RSA-OAEP is not available: " + e.getMessage(), e);
        }
    }

    @Override
    protected byte[] engineUpdate(byte[] input, int inputOffset, int inputLen) {
        buffer.write(input, inputOffset, inputLen);
        return new byte[0];
    }

    @Override
    protected int engineUpdate(byte[] input, int inputOffset, int inputLen, byte[] output, int outputOffset) {
        buffer.write(input, inputOffset, inputLen);
        return 0;
    }

    @Override
    protected byte[] engineDoFinal(byte[] input, int inputOffset, int inputLen)
            throws IllegalBlockSizeException, BadPaddingException {
        if (input != null) {
            buffer.write(input, inputOffset, inputLen);
        }
        byte[] data = buffer.toByteArray();
        buffer.reset();
        if (!decrypting) {
            return delegate.doFinal(data);
        }
        byte[] encoded = delegate.doFinal(data);
        try {
            return OaepDecoding.decode(leftPadded(encoded, Math.max(modulusBytes, data.length)),
                    MessageDigest.getInstance(parameters.getDigestAlgorithm()),
                    MessageDigest.getInstance(((MGF1ParameterSpec) parameters.getMGFParameters()).getDigestAlgorithm()),
                    ((PSource.PSpecified) parameters.getPSource()).getValue());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("OAEP digest not available", e);
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    @Override
    protected int engineDoFinal(byte[] input, int inputOffset, int inputLen, byte[] output, int outputOffset)
            throws ShortBufferException, IllegalBlockSizeException, BadPaddingException {
        byte[] result = engineDoFinal(input, inputOffset, inputLen);
        if (output.length - outputOffset < result.length) {
            throw new ShortBufferException("need " + result.length + " bytes");
        }
        System.arraycopy(result, 0, output, outputOffset, result.length);
        return result.length;
    }

    @Override
    protected byte[] engineWrap(Key key) throws IllegalBlockSizeException, InvalidKeyException {
        try {
            return engineDoFinal(key.getEncoded(), 0, key.getEncoded().length);
        } catch (BadPaddingException e) {
            throw new InvalidKeyException(e);
        }
    }

    @Override
    protected Key engineUnwrap(byte[] wrappedKey, String wrappedKeyAlgorithm, int wrappedKeyType)
            throws InvalidKeyException, NoSuchAlgorithmException {
        if (wrappedKeyType != Cipher.SECRET_KEY) {
            throw new InvalidKeyException("only secret keys are unwrapped here");
        }
        try {
            return new javax.crypto.spec.SecretKeySpec(engineDoFinal(wrappedKey, 0, wrappedKey.length), wrappedKeyAlgorithm);
        } catch (GeneralSecurityException e) {
            throw new InvalidKeyException("cannot unwrap: " + e.getMessage(), e);
        }
    }

    @Override
    protected int engineGetKeySize(Key key) throws InvalidKeyException {
        if (key instanceof RSAKey rsa) {
            return rsa.getModulus().bitLength();
        }
        throw new InvalidKeyException("not an RSA key");
    }

    private static byte[] leftPadded(byte[] value, int length) {
        if (value.length >= length) {
            return value;
        }
        byte[] padded = new byte[length];
        System.arraycopy(value, 0, padded, length - value.length, value.length);
        return padded;
    }
}
