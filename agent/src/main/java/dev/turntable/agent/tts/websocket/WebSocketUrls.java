package dev.turntable.agent.tts.websocket;

import java.net.URI;

/** The WebSocket address of a service from its HTTP base URL: same host, ws:// or wss://. */
public final class WebSocketUrls {
  private WebSocketUrls() {}

  /** {@code https://host[:port][/path]} → {@code wss://…}; {@code http} → {@code ws}. */
  public static URI fromHttpBase(String httpBase) {
    URI base = URI.create(httpBase);
    String scheme = "https".equalsIgnoreCase(base.getScheme()) ? "wss" : "ws";
    return URI.create(scheme + httpBase.substring(base.getScheme().length()));
  }

  /** A ws:// or wss:// URL given by the user, without a trailing slash. */
  public static URI parse(String url, String what) {
    String trimmed = url.strip();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    URI uri;
    try {
      uri = URI.create(trimmed);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + " '" + trimmed + "' is not a URL");
    }
    if (!"ws".equalsIgnoreCase(uri.getScheme()) && !"wss".equalsIgnoreCase(uri.getScheme())) {
      throw new IllegalArgumentException(what + " '" + trimmed + "' is not a ws:// or wss:// URL");
    }
    return uri;
  }
}
