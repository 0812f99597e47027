package dev.turntable.agent.tts.cartesia;

import com.fasterxml.jackson.databind.JsonNode;
import dev.turntable.agent.Cancellable;
import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.tts.StreamingSynthesizer;
import dev.turntable.agent.tts.TextStream;
import dev.turntable.agent.tts.TtsListener;
import dev.turntable.agent.tts.websocket.TtsSocket;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Cartesia over its WebSocket: one connection for the whole session, one context per reply,
 * text sent as continuations while the LLM writes it. Cartesia buffers continuations until it has
 * enough to speak naturally; a flush or the final message makes it speak what it has. A barge-in
 * cancels the context; the connection stays for the next reply.
 */
public final class CartesiaStreamSynthesizer implements StreamingSynthesizer, TtsSocket.Handler {
  private final CartesiaOptions options;
  private final URI endpoint;
  private final PcmFormat format;
  private final Map<String, CartesiaContext> contexts = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final AtomicInteger connections = new AtomicInteger();
  private TtsSocket socket; // guarded by this

  /** @param webSocketBase {@code wss://api.cartesia.ai}, or a stub's address */
  public CartesiaStreamSynthesizer(CartesiaOptions options, URI webSocketBase) {
    this.options = Objects.requireNonNull(options, "options");
    this.endpoint =
        URI.create(webSocketBase + "/tts/websocket?cartesia_version=" + options.version());
    this.format = new PcmFormat(options.sampleRate());
  }

  @Override
  public PcmFormat format() {
    return format;
  }

  @Override
  public TextStream open(TtsListener listener) {
    String id = "turntable-" + ids.incrementAndGet();
    CartesiaContext context = new CartesiaContext(id, options, socket(), listener, this);
    contexts.put(id, context);
    return context;
  }

  @Override
  public void connectAhead() {
    socket();
  }

  /** The session's connection, opened on first use and again after it drops. */
  private synchronized TtsSocket socket() {
    if (socket == null || !socket.usable()) {
      String name = "turntable-cartesia-ws-" + connections.incrementAndGet();
      // Headers, not the URL's api_key parameter: a key in a URL ends up in logs.
      socket =
          new TtsSocket(
              endpoint,
              Map.of(
                  "Cartesia-Version", options.version(),
                  "X-API-Key", options.apiKey(),
                  "Authorization", "Bearer " + options.apiKey()),
              name,
              this);
      socket.connect();
    }
    return socket;
  }

  void forget(String contextId) {
    contexts.remove(contextId);
  }

  @Override
  public void message(JsonNode message) {
    CartesiaContext context = contexts.get(message.path("context_id").asText(""));
    if (context != null) {
      context.message(message);
    }
  }

  @Override
  public void closed(int code, String reason) {
    for (CartesiaContext context : contexts.values()) {
      context.connectionClosed(code, reason);
    }
  }
}
