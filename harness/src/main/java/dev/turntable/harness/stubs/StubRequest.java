package dev.turntable.harness.stubs;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A request a stub received, with every secret (API keys, bearer tokens, key query parameters)
 * replaced by {@code ***}, so it can be logged or written to a fixture.
 *
 * @param headers header names in lower case, in arrival order
 */
public record StubRequest(
    StubService service,
    String method,
    String url,
    Map<String, List<String>> headers,
    String body,
    Instant receivedAt) {

  public StubRequest {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }

  /** The first value of a header (name matched case-insensitively), redacted if secret. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
