package dev.turntable.harness.mockstt;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
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
 * The server's TLS identity: generated at start (a throw-away CA and a {@code localhost}
 * certificate it signed, valid for {@code localhost}, 127.0.0.1 and ::1) or loaded from a PKCS12
 * keystore. Clients trust {@link #trustAnchor()}, written as PEM for {@code NODE_EXTRA_CA_CERTS}
 * or {@code SSL_CERT_FILE}. A separate CA keeps strict verifiers (Python 3.13's
 * VERIFY_X509_STRICT, OpenSSL) happy, which reject a self-signed leaf used as its own CA.
 */
final class ServerCertificate {
  private static final String ALIAS = "mock-assemblyai";
  private static final Duration VALIDITY = Duration.ofDays(30);

  private final KeyStore keyStore;
  private final char[] password;
  private final X509Certificate trustAnchor;

  private ServerCertificate(KeyStore keyStore, char[] password, X509Certificate trustAnchor) {
    this.keyStore = keyStore;
    this.password = password;
    this.trustAnchor = trustAnchor;
  }

  static ServerCertificate generate() {
    try {
      KeyPair caKeys = newKeyPair();
      KeyPair serverKeys = newKeyPair();
      X500Name caName = new X500Name("CN=Turntable mock AssemblyAI CA");
      X509Certificate ca = sign(caAuthority(caName, caKeys), caKeys);
      X509Certificate server = sign(serverIdentity(caName, ca, serverKeys), caKeys);
      char[] password = new BigInteger(128, new SecureRandom()).toString(36).toCharArray();
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(null, null);
      keyStore.setKeyEntry(ALIAS, serverKeys.getPrivate(), password,
          new Certificate[] {server, ca});
      return new ServerCertificate(keyStore, password, ca);
    } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
      throw new IllegalStateException("could not generate the mock server's TLS certificate", e);
    }
  }

  static ServerCertificate load(Path pkcs12, char[] password) {
    try (InputStream in = Files.newInputStream(pkcs12)) {
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(in, password);
      for (String alias : Collections.list(keyStore.aliases())) {
        if (keyStore.isKeyEntry(alias)) {
          Certificate[] chain = keyStore.getCertificateChain(alias);
          return new ServerCertificate(keyStore, password.clone(),
              (X509Certificate) chain[chain.length - 1]);
        }
      }
      throw new IllegalArgumentException(
          pkcs12 + " holds no private key entry; a TLS server needs a key and its certificate");
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "could not read the PKCS12 keystore " + pkcs12 + " (wrong password?): " + e.getMessage(),
          e);
    }
  }

  SSLContext serverContext() {
    try {
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(keyStore, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not build the mock server's TLS context", e);
    }
  }

  /** Saves the key and chain as a PKCS12 file, e.g. to serve the same identity again. */
  void writePkcs12(Path file, char[] filePassword) throws IOException {
    try (java.io.OutputStream out = Files.newOutputStream(file)) {
      KeyStore copy = KeyStore.getInstance("PKCS12");
      copy.load(null, null);
      copy.setKeyEntry(ALIAS, keyStore.getKey(ALIAS, password), filePassword,
          keyStore.getCertificateChain(ALIAS));
      copy.store(out, filePassword);
    } catch (GeneralSecurityException e) {
      throw new IOException("could not write the PKCS12 keystore " + file, e);
    }
  }

  X509Certificate trustAnchor() {
    return trustAnchor;
  }

  void writeTrustAnchorPem(Path file) throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
        JcaPEMWriter pem = new JcaPEMWriter(out)) {
      pem.writeObject(trustAnchor);
    }
  }

  private static KeyPair newKeyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  private static X509v3CertificateBuilder caAuthority(X500Name name, KeyPair keys)
      throws GeneralSecurityException, IOException {
    JcaX509ExtensionUtils ids = new JcaX509ExtensionUtils();
    return builder(name, name, keys)
        .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
        .addExtension(Extension.keyUsage, true,
            new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
        .addExtension(Extension.subjectKeyIdentifier, false,
            ids.createSubjectKeyIdentifier(keys.getPublic()));
  }

  private static X509v3CertificateBuilder serverIdentity(
      X500Name issuer, X509Certificate ca, KeyPair keys)
      throws GeneralSecurityException, IOException {
    JcaX509ExtensionUtils ids = new JcaX509ExtensionUtils();
    GeneralNames names = new GeneralNames(new GeneralName[] {
        new GeneralName(GeneralName.dNSName, "localhost"),
        new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
        new GeneralName(GeneralName.iPAddress, "::1")
    });
    return builder(new X500Name("CN=localhost"), issuer, keys)
        .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
        .addExtension(Extension.extendedKeyUsage, false,
            new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
        .addExtension(Extension.subjectAlternativeName, false, names)
        .addExtension(Extension.subjectKeyIdentifier, false,
            ids.createSubjectKeyIdentifier(keys.getPublic()))
        .addExtension(Extension.authorityKeyIdentifier, false,
            ids.createAuthorityKeyIdentifier(ca));
  }

  private static X509v3CertificateBuilder builder(X500Name subject, X500Name issuer, KeyPair keys) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(
        issuer,
        new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE),
        Date.from(now.minus(Duration.ofDays(1))),
        Date.from(now.plus(VALIDITY)),
        subject,
        keys.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signerKeys)
      throws OperatorCreationException, GeneralSecurityException {
    return new JcaX509CertificateConverter()
        .getCertificate(builder.build(
            new JcaContentSignerBuilder("SHA256withECDSA").build(signerKeys.getPrivate())));
  }
}
