package dev.turntable.harness.mockstt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;

/**
 * Who the mock lets in. The credential is read from the {@code Authorization} header (an API key or
 * a temporary token, with or without a {@code Bearer } prefix) or from the {@code token} query
 * parameter. A rejected client is upgraded, then gets an {@code Error} frame with code 1008 and a
 * close 1008, as the real service does.
 */
public sealed interface AuthMode {

  /** Any non-empty credential is accepted; a missing one is rejected. */
  record AcceptAny() implements AuthMode {}

  /** Only this exact key or token is accepted. */
  record RequireKey(String key) implements AuthMode {
    public RequireKey {
      Objects.requireNonNull(key, "key");
      if (key.isBlank()) {
        throw new IllegalArgumentException("the required key must not be blank");
      }
    }

    @Override
    public String toString() {
      return "RequireKey[key=***]";
    }
  }

  /** Every client is rejected, e.g. to test the client's handling of a revoked key. */
  record RejectAll() implements AuthMode {}

  static AuthMode acceptAny() {
    return new AcceptAny();
  }

  static AuthMode requireKey(String key) {
    return new RequireKey(key);
  }

  static AuthMode rejectAll() {
    return new RejectAll();
  }

  /** Why this credential is refused, or empty if it is accepted. Never echoes the credential. */
  default Optional<String> refusal(Optional<String> credential) {
    if (credential.isEmpty()) {
      return Optional.of("Unauthorized: Missing Authorization header or token");
    }
    if (this instanceof RejectAll) {
      return Optional.of("Unauthorized: this mock server rejects every credential");
    }
    if (this instanceof RequireKey required && !sameSecret(required.key(), credential.get())) {
      return Optional.of("Unauthorized: Invalid API key or token");
    }
    return Optional.empty();
  }

  private static boolean sameSecret(String expected, String actual) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
  }
}
