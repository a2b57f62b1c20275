package io.csi4j.adapters.intelliflash.rest;

import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Builds the TLS context a client uses from {@link TlsSettings}; a CA file that cannot be read is a failure. */
public final class TlsContexts {

    private TlsContexts() {}

    public static Either<Failure, SSLContext> of(TlsSettings tls) {
        try {
            if (!tls.verify()) {
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(null, new TrustManager[] {new TrustEverything()}, new SecureRandom());
                return Either.right(ctx);
            }
            if (tls.caFile().isEmpty()) {
                return Either.right(SSLContext.getDefault());
            }
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            Collection<? extends Certificate> certs;
            try (InputStream in = Files.newInputStream(tls.caFile().get())) {
                certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            if (certs.isEmpty()) {
                return Either.left(Failure.invalidArgument("caFile " + tls.caFile().get() + " holds no certificate"));
            }
            int i = 0;
            for (Certificate c : certs) {
                trusted.setCertificateEntry("ca-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), new SecureRandom());
            return Either.right(ctx);
        } catch (IOException | GeneralSecurityException e) {
            return Either.left(Failure.invalidArgument("cannot use " + tls.caFile().map(Object::toString).orElse("the JDK trust store")
                    + " as the array's CA: " + e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    /** Accepts any certificate: only for {@code tlsVerify: false}, which the configuration warns about. */
    private static final class TrustEverything implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // accepts everything by explicit configuration
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // accepts everything by explicit configuration
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
