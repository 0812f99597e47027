package dev.turntable.harness.replay;

import dev.turntable.agent.config.Environment;
import dev.turntable.agent.config.Providers;
import dev.turntable.agent.config.Services;
import dev.turntable.harness.mockstt.AuthMode;
import dev.turntable.harness.mockstt.MockAssemblyAiServer;
import dev.turntable.harness.mockstt.SessionDriver;
import dev.turntable.harness.stubs.ServiceStubs;
import dev.turntable.harness.stubs.StubOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The outside world of one run, on loopback: a mock AssemblyAI server driven by {@code driver} and
 * WireMock stubs for the LLM and TTS. {@link #environment()} points an agent at them the same way a
 * user points it at real services, so the agent needs no special case to be tested.
 */
public final class MockServices implements AutoCloseable {
  /** What replays and tests use as keys: the mocks accept any key, and no real key is needed. */
  public static final String PLACEHOLDER_KEY = "turntable-mock-key";

  private final MockAssemblyAiServer stt;
  private final ServiceStubs stubs;

  private MockServices(MockAssemblyAiServer stt, ServiceStubs stubs) {
    this.stt = stt;
    this.stubs = stubs;
  }

  public static MockServices start(Supplier<? extends SessionDriver> driver, StubOptions stubOptions) {
    return start(MockAssemblyAiServer.builder().driver(driver).authMode(AuthMode.acceptAny()), stubOptions);
  }

  /** With the mock STT server configured by the caller (host, port, TLS, auth …). */
  public static MockServices start(MockAssemblyAiServer.Builder sttServer, StubOptions stubOptions) {
    ServiceStubs stubs = new ServiceStubs(stubOptions).start();
    try {
      return new MockServices(sttServer.start(), stubs);
    } catch (RuntimeException e) {
      stubs.close();
      throw e;
    }
  }

  public MockAssemblyAiServer stt() {
    return stt;
  }

  public ServiceStubs stubs() {
    return stubs;
  }

  /** The base URLs of the mocks, as the variables {@code turntable serve} prints. */
  public Map<String, String> urls() {
    Map<String, String> urls = new LinkedHashMap<>();
    urls.put(Services.STT_URL, stt.url().toString());
    urls.put(Services.OPENAI_URL, stubs.openAiBaseUrl());
    urls.put(Services.ANTHROPIC_URL, stubs.anthropicBaseUrl());
    urls.put(Services.ELEVENLABS_URL, stubs.elevenLabsBaseUrl());
    urls.put(Services.CARTESIA_URL, stubs.cartesiaBaseUrl());
    urls.put(Services.ELEVENLABS_WS_URL, stubs.elevenLabsWebSocketUrl());
    urls.put(Services.CARTESIA_WS_URL, stubs.cartesiaWebSocketUrl());
    return urls;
  }

  /** An environment with the mocks' URLs and placeholder keys for every provider. */
  public Environment environment(String voice) {
    return environment(urls(), voice);
  }

  /** The same for mocks that run elsewhere, e.g. in a container: their URLs and placeholder keys. */
  public static Environment environment(Map<String, String> urls, String voice) {
    Map<String, String> values = new LinkedHashMap<>(urls);
    Providers.SECRET_VARIABLES.forEach(name -> values.put(name, PLACEHOLDER_KEY));
    values.put("ELEVENLABS_VOICE_ID", voice == null ? "turntable-voice" : voice);
    return Environment.of(Map.of(), values);
  }

  @Override
  public void close() {
    try {
      stt.close();
    } finally {
      stubs.close();
    }
  }
}
