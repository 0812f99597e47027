package dev.turntable.harness.stubs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.turntable.harness.mockstt.WriteNudge;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket TTS stubs on 127.0.0.1: ElevenLabs {@code /v1/text-to-speech/{voice}/stream-input}
 * and Cartesia {@code /tts/websocket}, with the same speech and timing as the HTTP stubs.
 * WireMock serves no WebSockets, hence a server of its own beside it.
 */
final class SpeechSocketServer extends WebSocketServer {
  private static final Logger LOG = LoggerFactory.getLogger(SpeechSocketServer.class);
  static final Pattern ELEVENLABS_PATH =
      Pattern.compile("/v1/text-to-speech/[^/]+/stream-input");
  static final String CARTESIA_PATH = "/tts/websocket";
  private static final Pattern PCM_FORMAT = Pattern.compile("pcm_(\\d+)");

  private final SpeechAudio audio;
  private final StubTiming timing;
  private final ScheduledExecutorService scheduler;
  private final CompletableFuture<Void> started = new CompletableFuture<>();

  SpeechSocketServer(SpeechAudio audio, StubTiming timing) {
    super(new InetSocketAddress("127.0.0.1", 0), 2);
    this.audio = audio;
    this.timing = timing;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "turntable-tts-ws-pacer");
              thread.setDaemon(true);
              return thread;
            });
    setTcpNoDelay(true);
    setReuseAddr(true);
    for (int i = 0; i < decoders.size(); i++) {
      decoders.get(i).setName("turntable-tts-ws-worker-" + i);
    }
  }

  /** Starts and waits until it listens. */
  void startListening() {
    start();
    started.orTimeout(10, TimeUnit.SECONDS).join();
  }

  void shutDown() {
    scheduler.shutdownNow();
    try {
      stop(1_000);
      scheduler.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Unknown paths, and Cartesia upgrades without a version or key, are refused as Cartesia does. */
  @Override
  public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(
      WebSocket connection, Draft draft, ClientHandshake request) throws InvalidDataException {
    UpgradeQuery query = UpgradeQuery.of(request);
    if (query.path().equals(CARTESIA_PATH)) {
      if (query.valueOf("Cartesia-Version", "cartesia_version") == null) {
        throw new InvalidDataException(CloseFrame.POLICY_VALIDATION,
            "Cartesia-Version is required (header or cartesia_version query parameter)");
      }
      if (query.valueOf("X-API-Key", "api_key") == null
          && query.valueOf("Authorization", "access_token") == null) {
        throw new InvalidDataException(CloseFrame.POLICY_VALIDATION,
            "No API key: send X-API-Key, Authorization: Bearer, or ?api_key=");
      }
    } else if (!ELEVENLABS_PATH.matcher(query.path()).matches()) {
      throw new InvalidDataException(CloseFrame.POLICY_VALIDATION,
          "Not found: the stub serves " + ELEVENLABS_PATH.pattern() + " and " + CARTESIA_PATH);
    }
    return super.onWebsocketHandshakeReceivedAsServer(connection, draft, request);
  }

  @Override
  public void onOpen(WebSocket connection, ClientHandshake handshake) {
    UpgradeQuery query = UpgradeQuery.of(handshake);
    SpeechSocket socket =
        new SpeechSocket(connection, new WriteNudge(connection, scheduler, this::onWriteDemand));
    if (query.path().equals(CARTESIA_PATH)) {
      connection.setAttachment(new CartesiaSocketSession(socket, audio, scheduler, timing));
      return;
    }
    String format = query.valueOf(null, "output_format");
    Matcher pcm = PCM_FORMAT.matcher(format == null ? "mp3_44100_128" : format);
    if (!pcm.matches() || !SpeechReplies.SAMPLE_RATES.contains(Integer.parseInt(pcm.group(1)))) {
      String why = "the Turntable stub streams raw PCM only: set output_format to pcm_8000,"
          + " pcm_16000, pcm_22050, pcm_24000, pcm_44100 or pcm_48000 (got "
          + (format == null ? "the default mp3_44100_128" : format) + ")";
      socket.send(SpeechSocket.JSON.createObjectNode().put("message", why).put("error", "invalid_output_format"));
      connection.close(CloseFrame.POLICY_VALIDATION, "invalid output_format");
      return;
    }
    boolean keyInHeader =
        query.valueOf("xi-api-key", null) != null || query.valueOf("Authorization", null) != null;
    connection.setAttachment(
        new ElevenLabsSocketSession(
            socket,
            audio,
            new SpeechPacer(scheduler, timing),
            Integer.parseInt(pcm.group(1)),
            keyInHeader));
  }

  @Override
  public void onMessage(WebSocket connection, String text) {
    SpeechSocketSession session = connection.getAttachment();
    if (session == null) {
      return;
    }
    JsonNode message;
    try {
      message = SpeechSocket.JSON.readTree(text);
    } catch (Exception e) {
      connection.close(CloseFrame.REFUSE, "messages must be JSON");
      return;
    }
    session.onText(message);
  }

  @Override
  public void onClose(WebSocket connection, int code, String reason, boolean remote) {
    SpeechSocketSession session = connection.getAttachment();
    if (session != null) {
      session.closed();
    }
  }

  @Override
  public void onError(WebSocket connection, Exception error) {
    if (connection == null && started.completeExceptionally(error)) {
      return;
    }
    LOG.debug("TTS WebSocket stub: {}", error.toString());
  }

  @Override
  public void onStart() {
    Thread.currentThread().setName("turntable-tts-ws-selector-" + getPort());
    started.complete(null);
  }

  /** The path, headers and query parameters of an upgrade request. */
  record UpgradeQuery(String path, ClientHandshake request, java.util.Map<String, String> params) {
    static UpgradeQuery of(ClientHandshake request) {
      URI uri = URI.create(request.getResourceDescriptor());
      java.util.Map<String, String> params = new java.util.HashMap<>();
      if (uri.getRawQuery() != null) {
        for (String pair : uri.getRawQuery().split("&")) {
          int eq = pair.indexOf('=');
          String name = eq < 0 ? pair : pair.substring(0, eq);
          String value = eq < 0 ? "" : pair.substring(eq + 1);
          params.put(name, java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8));
        }
      }
      return new UpgradeQuery(uri.getPath(), request, params);
    }

    /** The header's value, else the query parameter's, else null; blank counts as absent. */
    String valueOf(String header, String param) {
      if (header != null && request.hasFieldValue(header) && !request.getFieldValue(header).isBlank()) {
        return request.getFieldValue(header);
      }
      String value = param == null ? null : params.get(param);
      return value == null || value.isBlank() ? null : value;
    }
  }
}
