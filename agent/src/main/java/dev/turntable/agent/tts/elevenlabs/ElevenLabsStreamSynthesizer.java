package dev.turntable.agent.tts.elevenlabs;

import dev.turntable.agent.Cancellable;
import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.tts.StreamingSynthesizer;
import dev.turntable.agent.tts.TextStream;
import dev.turntable.agent.tts.TtsListener;
import dev.turntable.agent.tts.websocket.TtsSocket;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * ElevenLabs over its {@code stream-input} WebSocket: one connection per reply, text sent as the
 * LLM writes it, and ElevenLabs' own chunk schedule deciding when to generate. One connection is
 * kept open ahead of need, so a reply never waits for a TLS handshake at its first token.
 */
public final class ElevenLabsStreamSynthesizer implements StreamingSynthesizer {
  /** How long ElevenLabs keeps the spare connection open without text (its maximum). */
  static final int INACTIVITY_TIMEOUT_S = 180;

  private final ElevenLabsOptions options;
  private final URI endpoint;
  private final PcmFormat format;
  private final AtomicInteger streams = new AtomicInteger();
  private ElevenLabsTextStream spare; // guarded by this

  /** @param webSocketBase {@code wss://api.elevenlabs.io}, or a stub's address */
  public ElevenLabsStreamSynthesizer(ElevenLabsOptions options, URI webSocketBase) {
    this.options = Objects.requireNonNull(options, "options");
    this.endpoint = URI.create(webSocketBase + "/v1/text-to-speech/" + options.voiceId()
        + "/stream-input?model_id=" + options.modelId() + "&output_format=" + options.outputFormat()
        + "&sync_alignment=true&inactivity_timeout=" + INACTIVITY_TIMEOUT_S);
    this.format = new PcmFormat(options.sampleRate());
  }

  @Override
  public PcmFormat format() {
    return format;
  }

  @Override
  public synchronized TextStream open(TtsListener listener) {
    ElevenLabsTextStream stream = spare != null && spare.usable() ? spare : connect();
    spare = connect();
    stream.attach(listener);
    return stream;
  }

  @Override
  public synchronized void connectAhead() {
    if (spare == null || !spare.usable()) {
      spare = connect();
    }
  }

  private ElevenLabsTextStream connect() {
    String name = "turntable-elevenlabs-ws-" + streams.incrementAndGet();
    ElevenLabsTextStream stream = new ElevenLabsTextStream(options.apiKey(), format);
    TtsSocket socket =
        new TtsSocket(endpoint, Map.of("xi-api-key", options.apiKey()), name, stream);
    stream.start(socket);
    return stream;
  }
}
