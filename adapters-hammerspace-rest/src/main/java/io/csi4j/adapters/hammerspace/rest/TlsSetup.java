package io.csi4j.adapters.hammerspace.rest;

import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;

/**
 * The TLS settings of the client: by default the server certificate and host name are verified against the JVM's
 * trust store, or against the certificates of a CA file when one is given; only an explicit {@code tlsVerify=false}
 * turns verification off (the original plugin's default, which this driver does not copy).
 */
final class TlsSetup {

    private TlsSetup() {}

    static Either<Failure, DefaultClientTlsStrategy> strategy(boolean verify, Optional<Path> caFile) {
        try {
            if (!verify) {
                SSLContext any = SSLContext.getInstance("TLS");
                any.init(null, new TrustManager[] {new TrustingManager()}, new SecureRandom());
                return Either.right(new DefaultClientTlsStrategy(any, NoopHostnameVerifier.INSTANCE));
            }
            HostnameVerifier names = new DefaultHostnameVerifier();
            if (caFile.isEmpty()) {
                return Either.right(new DefaultClientTlsStrategy(SSLContext.getDefault(), names));
            }
            return trustStore(caFile.get()).map(store -> {
                try {
                    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                    tmf.init(store);
                    SSLContext ctx = SSLContext.getInstance("TLS");
                    ctx.init(null, tmf.getTrustManagers(), new SecureRandom());
                    return new DefaultClientTlsStrategy(ctx, names);
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (GeneralSecurityException | IllegalStateException e) {
            return Either.left(Failure.invalidArgument("cannot set up TLS for the Hammerspace API: " + e.getMessage()));
        }
    }

    private static Either<Failure, KeyStore> trustStore(Path caFile) {
        try (InputStream in = Files.newInputStream(caFile)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                return Either.left(Failure.invalidArgument("CA file " + caFile + " holds no PEM certificate"));
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                store.setCertificateEntry("ca-" + i++, c);
            }
            return Either.right(store);
        } catch (IOException | GeneralSecurityException e) {
            return Either.left(Failure.invalidArgument("cannot read CA file " + caFile + ": " + e.getMessage()));
        }
    }

    /** Accepts any certificate: only with an explicit {@code tlsVerify=false}. */
    private static final class TrustingManager implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // not a server
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // verification switched off by configuration
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
