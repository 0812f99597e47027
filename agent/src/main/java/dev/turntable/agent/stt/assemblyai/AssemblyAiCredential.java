package dev.turntable.agent.stt.assemblyai;

import java.util.Objects;

/**
 * What authenticates a streaming session: an API key or a temporary token. Either one is sent as
 * the {@code Authorization} header of the upgrade request, exactly as given (no {@code Bearer}
 * prefix), and never in the URL, so it cannot leak into logs or recorded fixtures.
 */
public record AssemblyAiCredential(Kind kind, String secret) {

  public enum Kind {
    API_KEY,
    /** Minted with {@code GET /v3/token}; valid for one session only. */
    TEMPORARY_TOKEN
  }

  public AssemblyAiCredential {
    Objects.requireNonNull(kind, "kind");
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException(
          "The AssemblyAI " + describe(kind) + " is empty: set ASSEMBLYAI_API_KEY");
    }
    secret = secret.strip();
    if (secret.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new IllegalArgumentException(
          "The AssemblyAI "
              + describe(kind)
              + " starts with 'Bearer ': AssemblyAI expects the"
              + " bare value in the Authorization header; remove the prefix");
    }
    if (secret.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
      throw new IllegalArgumentException(
          "The AssemblyAI "
              + describe(kind)
              + " contains whitespace or control characters;"
              + " check how it was copied");
    }
  }

  public static AssemblyAiCredential apiKey(String key) {
    return new AssemblyAiCredential(Kind.API_KEY, key);
  }

  public static AssemblyAiCredential temporaryToken(String token) {
    return new AssemblyAiCredential(Kind.TEMPORARY_TOKEN, token);
  }

  /** Never shows the secret, not even a part of it. */
  @Override
  public String toString() {
    return kind + "(***)";
  }

  private static String describe(Kind kind) {
    return kind == Kind.API_KEY ? "API key" : "temporary token";
  }
}
