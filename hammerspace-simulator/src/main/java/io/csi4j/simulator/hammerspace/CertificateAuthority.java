package io.csi4j.simulator.hammerspace;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate authority made when the simulator starts: a CA certificate that tests trust, and a
 * server certificate signed by it for the listen address, {@code localhost} and any extra names. Nothing is
 * persisted except the CA certificate in PEM, which clients load as their trust anchor.
 */
final class CertificateAuthority {

    private static final Duration VALIDITY = Duration.ofDays(2);
    private static final String SIGNATURE = "SHA256withECDSA";

    private final X509Certificate caCertificate;
    private final X509Certificate serverCertificate;
    private final KeyPair serverKeys;

    private CertificateAuthority(X509Certificate ca, X509Certificate server, KeyPair serverKeys) {
        this.caCertificate = ca;
        this.serverCertificate = server;
        this.serverKeys = serverKeys;
    }

    /** Makes a CA and a server certificate valid for {@code names} (host names or IP literals). */
    static CertificateAuthority create(List<String> names) throws GeneralSecurityException {
        try {
            KeyPair caKeys = keys();
            Instant now = Instant.now();
            X500Name caName = new X500Name("CN=csi4j Hammerspace simulator CA " + now.toEpochMilli());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder ca = new JcaX509v3CertificateBuilder(caName, serial(), from(now), to(now), caName,
                    caKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(caKeys.getPublic()));
            X509Certificate caCert = sign(ca, caKeys);

            KeyPair serverKeys = keys();
            X509v3CertificateBuilder server = new JcaX509v3CertificateBuilder(caCert, serial(), from(now), to(now),
                    new X500Name("CN=" + names.getFirst()), serverKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(caCert))
                    .addExtension(Extension.subjectAlternativeName, false, alternativeNames(names));
            return new CertificateAuthority(caCert, sign(server, caKeys), serverKeys);
        } catch (IOException | OperatorCreationException e) {
            throw new GeneralSecurityException("cannot make the simulator's certificates", e);
        }
    }

    /** The TLS context of the server: its key and the chain up to the CA. */
    SSLContext serverContext() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] password = "simulator".toCharArray();
        store.setKeyEntry("server", serverKeys.getPrivate(), password,
                new X509Certificate[] {serverCertificate, caCertificate});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, new SecureRandom());
        return context;
    }

    X509Certificate caCertificate() {
        return caCertificate;
    }

    /** The CA certificate in PEM, as clients configure it (a CA file). */
    String caPem() throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(caCertificate);
        }
        return out.toString();
    }

    void writeCaPem(Path file) throws IOException {
        Files.writeString(file, caPem());
    }

    private static GeneralNames alternativeNames(List<String> names) {
        Set<String> unique = new LinkedHashSet<>(names);
        List<GeneralName> out = new ArrayList<>();
        for (String n : unique) {
            out.add(isAddress(n) ? new GeneralName(GeneralName.iPAddress, n) : new GeneralName(GeneralName.dNSName, n));
        }
        return new GeneralNames(out.toArray(GeneralName[]::new));
    }

    private static boolean isAddress(String name) {
        if (!name.matches("[0-9.]+") && !name.contains(":")) {
            return false;
        }
        try {
            InetAddress.getByName(name);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static KeyPair keys() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE).build(signer.getPrivate())));
    }

    private static BigInteger serial() {
        return new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE);
    }

    private static Date from(Instant now) {
        return Date.from(now.minus(Duration.ofMinutes(5)));
    }

    private static Date to(Instant now) {
        return Date.from(now.plus(VALIDITY));
    }
}
