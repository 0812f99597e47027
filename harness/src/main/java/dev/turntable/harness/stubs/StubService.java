package dev.turntable.harness.stubs;

import java.util.regex.Pattern;

/** The four HTTP services the stubs impersonate, each with the request paths it serves. */
public enum StubService {
  OPENAI("/v1/chat/completions"),
  ANTHROPIC("/v1/messages"),
  ELEVENLABS("/v1/text-to-speech/[^/]+(/stream)?"),
  CARTESIA("/tts/bytes");

  private final Pattern path;

  StubService(String pathRegex) {
    this.path = Pattern.compile(pathRegex);
  }

  /** The URL path regex of this service's endpoint, as used in WireMock mappings. */
  String pathRegex() {
    return path.pattern();
  }

  /** True when {@code urlPath} (no query string) is one of this service's endpoints. */
  boolean servesPath(String urlPath) {
    return path.matcher(urlPath).matches();
  }

  boolean isSpeech() {
    return this == ELEVENLABS || this == CARTESIA;
  }
}
