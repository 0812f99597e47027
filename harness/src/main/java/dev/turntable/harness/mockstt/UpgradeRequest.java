package dev.turntable.harness.mockstt;

import dev.turntable.harness.mockstt.RecordedSession.CredentialSource;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.java_websocket.handshake.ClientHandshake;

/** The parts of the WebSocket upgrade request the mock uses; the credential kept apart. */
final class UpgradeRequest {
  static final String PATH = "/v3/ws";
  static final String REDACTED = "***";
  private static final String BEARER = "Bearer ";

  private final String redactedPath;
  private final Map<String, String> query;
  private final Map<String, String> redactedHeaders;
  private final Optional<String> credential;
  private final CredentialSource credentialSource;

  private UpgradeRequest(String resource, Map<String, String> headers) {
    int q = resource.indexOf('?');
    this.query = parseQuery(q < 0 ? "" : resource.substring(q + 1));
    this.redactedPath = resource.replaceAll("([?&]token=)[^&]*", "$1" + REDACTED);
    String authorization = headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase("Authorization"))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse("")
        .trim();
    if (authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      authorization = authorization.substring(BEARER.length()).trim();
    }
    String token = query.getOrDefault("token", "").trim();
    if (!authorization.isEmpty()) {
      credential = Optional.of(authorization);
      credentialSource = CredentialSource.AUTHORIZATION_HEADER;
    } else if (!token.isEmpty()) {
      credential = Optional.of(token);
      credentialSource = CredentialSource.TOKEN_QUERY_PARAMETER;
    } else {
      credential = Optional.empty();
      credentialSource = CredentialSource.NONE;
    }
    Map<String, String> redacted = new LinkedHashMap<>(headers);
    redacted.replaceAll((name, value) -> name.equalsIgnoreCase("Authorization") ? REDACTED : value);
    this.redactedHeaders = redacted;
  }

  static UpgradeRequest from(ClientHandshake handshake) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (Iterator<String> names = handshake.iterateHttpFields(); names.hasNext(); ) {
      String name = names.next();
      headers.put(name, handshake.getFieldValue(name));
    }
    return new UpgradeRequest(handshake.getResourceDescriptor(), headers);
  }

  /** True if the request is for the streaming endpoint; anything else gets a 404. */
  static boolean isStreamingPath(String resource) {
    int q = resource.indexOf('?');
    return (q < 0 ? resource : resource.substring(0, q)).equals(PATH);
  }

  private static Map<String, String> parseQuery(String raw) {
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      query.put(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
    }
    return query;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  String redactedPath() {
    return redactedPath;
  }

  Map<String, String> query() {
    return query;
  }

  Map<String, String> redactedHeaders() {
    return redactedHeaders;
  }

  Optional<String> credential() {
    return credential;
  }

  CredentialSource credentialSource() {
    return credentialSource;
  }

  @Override
  public String toString() {
    return "UpgradeRequest[" + redactedPath + ", credential from " + credentialSource + "]";
  }
}
