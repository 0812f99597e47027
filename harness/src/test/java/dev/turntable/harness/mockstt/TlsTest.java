package dev.turntable.harness.mockstt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsTest {
  private static final Map<String, String> KEY = Map.of("Authorization", "test-key");

  @Test
  void servesWssThatAJavaClientTrustingTheWrittenCertificateAccepts() throws Exception {
    try (MockAssemblyAiServer server = MockAssemblyAiServer.builder().tls().start()) {
      assertThat(server.url().getScheme()).isEqualTo("wss");

      for (String host : new String[] {"127.0.0.1", "localhost"}) {
        TestClient client = new TestClient(
            URI.create("wss://" + host + ":" + server.port() + "/v3/ws"), KEY);
        client.setSocketFactory(CertificateTrust.socketFactoryTrusting(server.caCertificatePem()));
        client.connectOrFail();

        assertThat(client.nextMessage("Begin").has("id")).as(host).isTrue();
        client.closeBlocking();
      }
    }
  }

  @Test
  void aClientThatDoesNotTrustTheCertificateIsRefused() throws Exception {
    try (MockAssemblyAiServer server = MockAssemblyAiServer.builder().tls().start()) {
      TestClient client = new TestClient(server.url(), KEY);

      assertThat(client.connectBlocking(5, TimeUnit.SECONDS)).isFalse();
      assertThat(client.handshakeStatus()).isZero();
    }
  }

  @Test
  void writesTheCaCertificateAsPemWhereAsked(@TempDir Path dir) throws Exception {
    Path pem = dir.resolve("certs/mock-ca.pem");
    try (MockAssemblyAiServer server =
        MockAssemblyAiServer.builder().tls().caCertificateOut(pem).start()) {
      assertThat(server.caCertificatePem()).isEqualTo(pem);
      assertThat(Files.readString(pem)).startsWith("-----BEGIN CERTIFICATE-----");
      try (InputStream in = Files.newInputStream(pem)) {
        X509Certificate ca = (X509Certificate)
            CertificateFactory.getInstance("X.509").generateCertificate(in);
        assertThat(ca.getBasicConstraints()).as("a CA certificate").isGreaterThanOrEqualTo(0);
        ca.checkValidity();
      }
    }
    assertThat(pem).as("a requested file outlives the server").exists();
  }

  @Test
  void deletesItsTemporaryPemOnClose() {
    Path pem;
    try (MockAssemblyAiServer server = MockAssemblyAiServer.builder().tls().start()) {
      pem = server.caCertificatePem();
      assertThat(pem).exists();
    }
    assertThat(pem).doesNotExist();
  }

  @Test
  void servesAnIdentityLoadedFromAPkcs12Keystore(@TempDir Path dir) throws Exception {
    Path keystore = dir.resolve("mock.p12");
    char[] password = "changeit".toCharArray();
    ServerCertificate.generate().writePkcs12(keystore, password);

    try (MockAssemblyAiServer server =
        MockAssemblyAiServer.builder().tls(keystore, password).start()) {
      TestClient client = new TestClient(server.url(), KEY);
      client.setSocketFactory(CertificateTrust.socketFactoryTrusting(server.caCertificatePem()));
      client.connectOrFail();

      assertThat(client.nextMessage("Begin").has("id")).isTrue();
    }
  }
}
