package id.satupintu.idp.saml.xml;

import java.math.BigInteger;

/**
 * ECDSA signature encodings: the JCA (and PKCS#11 providers) give a DER {@code SEQUENCE {r, s}}; XML
 * Signature (XML Signature 1.1 §6.4.3) wants {@code r || s}, each left-padded to the curve's field size.
 */
final class EcdsaSignatures {

    private EcdsaSignatures() {
    }

    static byte[] derToConcatenated(byte[] der, int fieldBytes) {
        try (var in = new org.bouncycastle.asn1.ASN1InputStream(der)) {
            var sequence = org.bouncycastle.asn1.ASN1Sequence.getInstance(in.readObject());
            BigInteger r = org.bouncycastle.asn1.ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue();
            BigInteger s = org.bouncycastle.asn1.ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue();
            byte[] out = new byte[2 * fieldBytes];
            copyUnsigned(r, out, 0, fieldBytes);
            copyUnsigned(s, out, fieldBytes, fieldBytes);
            return out;
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalStateException("not a DER ECDSA signature", e);
        }
    }

    private static void copyUnsigned(BigInteger value, byte[] out, int offset, int length) {
        byte[] bytes = value.toByteArray();
        int start = bytes.length > length ? bytes.length - length : 0;
        int count = bytes.length - start;
        if (count > length) {
            throw new IllegalStateException("ECDSA value longer than the field");
        }
        System.arraycopy(bytes, start, out, offset + length - count, count);
    }
}
