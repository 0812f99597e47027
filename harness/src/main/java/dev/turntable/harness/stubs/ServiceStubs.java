package dev.turntable.harness.stubs;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.SingleRootFileSource;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.io.FileUtils;

/**
 * Stubs of OpenAI, Anthropic, ElevenLabs and Cartesia on one WireMock server (127.0.0.1 unless
 * {@link StubOptions#host()} says otherwise).
 *
 * <p>One server, not four: the services' paths never overlap, a fixture's {@code http/} folder
 * holds all of them in one {@code mappings/} + {@code __files/} tree, and one port and one admin
 * API ({@code /__admin}) are simpler to hand to the agent, the CLI and users. Each service has its
 * own base URL getter, so the agent is configured exactly as for the real services.
 *
 * <pre>{@code
 * try (ServiceStubs stubs = new ServiceStubs(StubOptions.defaults()).start()) {
 *   stubs.openAi().reply(StubReply.text("Hi there."));
 *   stubs.anthropic().failNext(HttpFault.status(429));
 *   // point clients at stubs.openAiBaseUrl(), stubs.anthropicBaseUrl(), ...
 * }
 * }</pre>
 */
public final class ServiceStubs implements AutoCloseable {
  private static final int JOURNAL_ENTRIES = 1_000;
  /** Journal entries keep requests whole but only the start of replies: audio would fill memory. */
  private static final int LOGGED_RESPONSE_BYTES = 64 * 1024;

  private final StubOptions options;
  private final SpeechAudio audio;
  private final Path filesRoot;
  private final boolean ownsFilesRoot;
  private final WireMockServer server;
  private final SpeechSocketServer speechSockets;
  private final Map<StubService, ServiceStub> services = new EnumMap<>(StubService.class);

  public ServiceStubs() {
    this(StubOptions.defaults());
  }

  /** Prepares the stubs; nothing listens until {@link #start()}. */
  public ServiceStubs(StubOptions options) {
    this.options = options;
    this.audio = SpeechAudio.create(options.speech());
    this.ownsFilesRoot = options.recordings() == null;
    this.filesRoot = ownsFilesRoot ? scratchDirectory() : requireDirectory(options.recordings());
    SpeechReplies speech = new SpeechReplies(audio);
    List<ServiceProtocol> protocols =
        List.of(
            new OpenAiProtocol(Clock.systemUTC()),
            new AnthropicProtocol(),
            new ElevenLabsProtocol(speech),
            new CartesiaProtocol(speech));
    this.server = new WireMockServer(configuration(protocols));
    this.speechSockets = new SpeechSocketServer(audio, options.timing());
    for (ServiceProtocol protocol : protocols) {
      services.put(protocol.service(), new ServiceStub(protocol, server, options.timing()));
    }
  }

  /** Starts listening and installs the default replies; returns this for chaining. */
  public synchronized ServiceStubs start() {
    if (server.isRunning()) {
      throw new IllegalStateException("the stubs are already running on " + baseUrl());
    }
    server.start();
    speechSockets.startListening();
    services.values().forEach(ServiceStub::install);
    return this;
  }

  public int port() {
    requireRunning();
    return server.port();
  }

  /**
   * {@code http://HOST:PORT}, the root of every stub and of the admin API; loopback when the stubs
   * listen on every interface, since that address always reaches them from this machine.
   */
  public String baseUrl() {
    String host = options.host();
    if (host.equals("0.0.0.0") || host.equals("::")) {
      host = "127.0.0.1";
    }
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
  }

  /** WireMock's admin API: add, list and remove mappings, read the request journal. */
  public String adminUrl() {
    return baseUrl() + "/__admin";
  }

  /** For OpenAI clients: includes {@code /v1}, as {@code https://api.openai.com/v1} does. */
  public String openAiBaseUrl() {
    return baseUrl() + "/v1";
  }

  /** For Anthropic clients: no {@code /v1}, as {@code https://api.anthropic.com}. */
  public String anthropicBaseUrl() {
    return baseUrl();
  }

  /** For ElevenLabs clients: no {@code /v1}, as {@code https://api.elevenlabs.io}. */
  public String elevenLabsBaseUrl() {
    return baseUrl();
  }

  /** For Cartesia clients: as {@code https://api.cartesia.ai}. */
  public String cartesiaBaseUrl() {
    return baseUrl();
  }

  /**
   * ElevenLabs {@code stream-input} over WebSocket, as {@code wss://api.elevenlabs.io}: text in as
   * it is written, PCM out with character alignment. On its own port (WireMock has no WebSockets).
   */
  public String elevenLabsWebSocketUrl() {
    return webSocketBaseUrl();
  }

  /** Cartesia's WebSocket ({@code /tts/websocket}), as {@code wss://api.cartesia.ai}. */
  public String cartesiaWebSocketUrl() {
    return webSocketBaseUrl();
  }

  private String webSocketBaseUrl() {
    requireRunning();
    return "ws://127.0.0.1:" + speechSockets.getPort();
  }

  public ServiceStub openAi() {
    return services.get(StubService.OPENAI);
  }

  public ServiceStub anthropic() {
    return services.get(StubService.ANTHROPIC);
  }

  public ServiceStub elevenLabs() {
    return services.get(StubService.ELEVENLABS);
  }

  public ServiceStub cartesia() {
    return services.get(StubService.CARTESIA);
  }

  public ServiceStub service(StubService service) {
    return services.get(service);
  }

  /** Requests {@code service} received, oldest first, with secrets masked. */
  public List<StubRequest> requests(StubService service) {
    return services.get(service).requests();
  }

  /** Every service back to its default reply without faults, and the request journal emptied. */
  public void reset() {
    services.values().forEach(ServiceStub::reset);
    server.resetRequests();
  }

  public StubOptions options() {
    return options;
  }

  /** Which speech the TTS stubs make: "espeak-ng+sox", "espeak-ng" or "tone". */
  public String speechEngine() {
    return audio.engineName();
  }

  /** The underlying server, for what this class does not cover. */
  public WireMockServer wireMock() {
    return server;
  }

  @Override
  public synchronized void close() {
    if (server.isRunning()) {
      server.stop();
      speechSockets.shutDown();
    }
    if (ownsFilesRoot) {
      FileUtils.deleteQuietly(filesRoot.toFile());
    }
  }

  private WireMockConfiguration configuration(List<ServiceProtocol> protocols) {
    return WireMockConfiguration.options()
        .bindAddress(options.host())
        .port(options.port())
        .jettyAcceptors(1)
        // Gzip would buffer the paced chunks and hide the stream timing from clients.
        .gzipDisabled(true)
        .httpServerFactory(new CuttingJettyServerFactory())
        .extensions(new ReplyTransformer(protocols))
        .fileSource(new SingleRootFileSource(filesRoot.toFile()))
        .mappingSource(new RecordedMappings(filesRoot.resolve("mappings"), options.timing()))
        .maxRequestJournalEntries(JOURNAL_ENTRIES)
        .maxLoggedResponseSize(LOGGED_RESPONSE_BYTES)
        .notifier(new Slf4jNotifier(false));
  }

  private void requireRunning() {
    if (!server.isRunning()) {
      throw new IllegalStateException("the stubs are not running: call start() first");
    }
  }

  private static Path requireDirectory(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(
          "recordings folder " + dir + " does not exist; pass a fixture's http/ folder"
              + " (with mappings/ and __files/ inside)");
    }
    return dir;
  }

  private static Path scratchDirectory() {
    try {
      return Files.createTempDirectory("turntable-stubs");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a scratch folder for the WireMock stubs", e);
    }
  }
}
