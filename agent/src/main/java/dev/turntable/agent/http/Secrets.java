package dev.turntable.agent.http;

/** Keeps API keys out of toString(), error messages and logs. */
public final class Secrets {
  static final String MASK = "****";

  private Secrets() {}

  /** What a config record's toString() shows instead of a key. */
  public static String mask(String secret) {
    return secret == null || secret.isEmpty() ? "<none>" : MASK;
  }

  /**
   * Removes {@code secret} from {@code text}. Providers sometimes echo the credential they were
   * sent (e.g. "Incorrect API key provided: …"), so every message built from a response or an
   * exception passes through here before anyone sees it.
   */
  public static String redact(String text, String secret) {
    if (text == null || secret == null || secret.isEmpty()) {
      return text;
    }
    return text.replace(secret, MASK);
  }
}
