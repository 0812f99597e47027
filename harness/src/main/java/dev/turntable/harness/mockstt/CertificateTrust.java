package dev.turntable.harness.mockstt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Lets a Java client trust the mock server's certificate (the PEM file from {@link
 * MockAssemblyAiServer#caCertificatePem()}) and nothing else, e.g. {@code
 * client.setSocketFactory(CertificateTrust.socketFactoryTrusting(pem))} on a Java-WebSocket client.
 */
final class CertificateTrust {
  private CertificateTrust() {}

  /** A TLS context whose only trust anchors are the certificates in this PEM file. */
  static SSLContext sslContextTrusting(Path pemFile) {
    try (InputStream in = Files.newInputStream(pemFile)) {
      Collection<? extends Certificate> certificates =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException(pemFile + " holds no PEM certificate");
      }
      KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
      trusted.load(null, null);
      int index = 0;
      for (Certificate certificate : certificates) {
        trusted.setCertificateEntry("mock-" + index++, certificate);
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "could not trust the certificates in " + pemFile + ": " + e.getMessage(), e);
    }
  }

  static SSLSocketFactory socketFactoryTrusting(Path pemFile) {
    return sslContextTrusting(pemFile).getSocketFactory();
  }
}
