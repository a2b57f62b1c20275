package io.csi4j.simulator.intelliflash.tls;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A fresh self-signed certificate (EC P-256, CA:true, subject alternative names for the listening host) made at
 * start, as IntelliFlash arrays present one. It is its own CA: a client trusts the simulator by trusting this
 * certificate, and refuses it with the JDK's default trust store.
 */
public final class SelfSignedCertificate {

    private static final String SHA256_WITH_ECDSA = "1.2.840.10045.4.3.2";

    private final KeyPair keys;
    private final X509Certificate certificate;

    private SelfSignedCertificate(KeyPair keys, X509Certificate certificate) {
        this.keys = keys;
        this.certificate = certificate;
    }

    /** A certificate valid for one year from now for {@code hosts} (IP literals and DNS names). */
    public static SelfSignedCertificate generate(String commonName, List<String> hosts) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        KeyPair keys = g.generateKeyPair();
        ZonedDateTime now = ZonedDateTime.now();
        byte[] algorithm = Der.sequence(Der.oid(SHA256_WITH_ECDSA));
        byte[] name = Der.sequence(Der.tlv(Der.SET, Der.sequence(Der.oid("2.5.4.3"), Der.utf8(commonName))));
        byte[] tbs = Der.sequence(
                Der.explicit(0, Der.integer(BigInteger.TWO)),
                Der.integer(new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE)),
                algorithm,
                name,
                Der.sequence(Der.time(now.minusHours(1)), Der.time(now.plusYears(1))),
                name,
                keys.getPublic().getEncoded(),
                Der.explicit(3, Der.sequence(basicConstraints(), subjectAltNames(hosts))));
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(keys.getPrivate());
        signer.update(tbs);
        byte[] der = Der.sequence(tbs, algorithm, Der.bits(signer.sign()));
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
        cert.verify(keys.getPublic());
        return new SelfSignedCertificate(keys, cert);
    }

    private static byte[] basicConstraints() {
        return Der.sequence(Der.oid("2.5.29.19"), Der.bool(true), Der.octets(Der.sequence(Der.bool(true))));
    }

    private static byte[] subjectAltNames(List<String> hosts) throws GeneralSecurityException {
        List<byte[]> names = new ArrayList<>();
        for (String h : hosts) {
            if (h.matches("[0-9.]+") || h.contains(":")) {
                try {
                    names.add(Der.implicit(7, InetAddress.getByName(h).getAddress()));
                } catch (java.net.UnknownHostException e) {
                    throw new GeneralSecurityException("not an IP address: " + h, e);
                }
            } else {
                names.add(Der.implicit(2, h.getBytes(StandardCharsets.US_ASCII)));
            }
        }
        return Der.sequence(Der.oid("2.5.29.17"), Der.octets(Der.sequence(names.toArray(byte[][]::new))));
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The certificate in PEM form, for a client's CA file. */
    public String pem() {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("a certificate made here cannot be encoded", e);
        }
    }

    /** A server-side TLS context presenting this certificate. */
    public SSLContext serverContext() throws GeneralSecurityException {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            char[] pass = "simulator".toCharArray();
            ks.setKeyEntry("array", keys.getPrivate(), pass, new java.security.cert.Certificate[] {certificate});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, pass);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, new SecureRandom());
            return ctx;
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException("cannot build an in-memory key store", e);
        }
    }
}
