package dev.turntable.agent.http;

import okhttp3.HttpUrl;

/** Checks shared by the provider options records' compact constructors. */
public final class ConfigValues {
  private ConfigValues() {}

  /** {@code value}, or {@code fallback} when it is null or blank. */
  public static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  /** An http(s) base URL without a trailing slash; {@code fallback} when none is given. */
  public static String baseUrl(String value, String fallback, String what) {
    String url = orDefault(value, fallback);
    while (url.endsWith("/")) {
      url = url.substring(0, url.length() - 1);
    }
    if (HttpUrl.parse(url) == null) {
      throw new IllegalArgumentException(
          what + " '" + url + "' is not an http:// or https:// URL");
    }
    return url;
  }

  /**
   * A trimmed API key. Rejects blank keys and characters that cannot go in an HTTP header (OkHttp
   * would otherwise reject the header later with the key quoted in its message). The key itself
   * never appears in the exception.
   */
  public static String apiKey(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " is missing; set it before starting");
    }
    String key = value.strip();
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c <= ' ' || c >= 0x7f) {
        throw new IllegalArgumentException(what + " contains a space, control or non-ASCII "
            + "character at position " + i + "; copy the key again");
      }
    }
    return key;
  }

  /** A required non-secret setting such as a voice id. */
  public static String required(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " is missing");
    }
    return value.strip();
  }

  /** One of the sample rates a provider can produce as raw PCM. */
  public static int sampleRate(int value, int[] allowed, String what) {
    for (int rate : allowed) {
      if (rate == value) {
        return value;
      }
    }
    throw new IllegalArgumentException(what + " " + value + " Hz is not available as raw PCM; use "
        + java.util.Arrays.toString(allowed));
  }
}
