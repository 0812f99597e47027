package dev.turntable.harness.stubs;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns WireMock's logged requests into {@link StubRequest}s with every credential masked. */
final class RequestRedactor {
  static final String MASK = "***";

  private static final Set<String> SECRET_HEADERS =
      Set.of(
          "authorization",
          "proxy-authorization",
          "x-api-key",
          "xi-api-key",
          "api-key",
          "cookie",
          "x-goog-api-key");

  /** Query parameters that carry keys or tokens (Cartesia, AssemblyAI-style temp tokens). */
  private static final Pattern SECRET_QUERY =
      Pattern.compile("([?&](?:api_key|access_token|token|key|xi_api_key|xi-api-key)=)[^&]*");

  /** JSON fields that carry keys (ElevenLabs' stream-input puts one in the body). */
  private static final Pattern SECRET_JSON_FIELD =
      Pattern.compile("(\"(?:xi_api_key|xi-api-key|api_key|apiKey|access_token)\"\\s*:\\s*\")[^\"]*(\")");

  private RequestRedactor() {}

  static StubRequest redact(StubService service, LoggedRequest request) {
    return new StubRequest(
        service,
        request.getMethod().getName(),
        redactUrl(request.getUrl()),
        redactHeaders(request),
        redactBody(request.getBodyAsString()),
        request.getLoggedDate().toInstant());
  }

  static String redactUrl(String url) {
    return SECRET_QUERY.matcher(url).replaceAll("$1" + MASK);
  }

  static String redactBody(String body) {
    return SECRET_JSON_FIELD.matcher(body).replaceAll("$1" + MASK + "$2");
  }

  /** Keeps an auth scheme ("Bearer ***") so a test can still see which scheme a client used. */
  static String redactHeaderValue(String name, String value) {
    if (!SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
      return value;
    }
    int space = value.indexOf(' ');
    return space > 0 ? value.substring(0, space + 1) + MASK : MASK;
  }

  private static Map<String, List<String>> redactHeaders(LoggedRequest request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (HttpHeader header : request.getHeaders().all()) {
      String name = header.key().toLowerCase(Locale.ROOT);
      List<String> values = new ArrayList<>();
      for (String value : header.values()) {
        values.add(redactHeaderValue(name, value));
      }
      headers.put(name, List.copyOf(values));
    }
    return headers;
  }
}
