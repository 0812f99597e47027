package dev.turntable.agent.tts.elevenlabs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.http.PcmFrameAligner;
import dev.turntable.agent.http.Secrets;
import dev.turntable.agent.tts.SpokenWord;
import dev.turntable.agent.tts.TextStream;
import dev.turntable.agent.tts.TtsEvent;
import dev.turntable.agent.tts.TtsListener;
import dev.turntable.agent.tts.websocket.TtsSocket;
import dev.turntable.agent.tts.websocket.WordAssembler;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * One reply on one {@code stream-input} connection. The connection opens with the required single
 * space; text follows as written; a flush is a space with {@code flush: true}; an empty text ends
 * the input, after which ElevenLabs sends the rest of the audio and {@code isFinal}. Alignment
 * times are per audio message, so they are shifted by the audio already received.
 */
final class ElevenLabsTextStream implements TextStream, TtsSocket.Handler {
  private final String apiKey;
  private final PcmFormat format;
  private final PcmFrameAligner frames = new PcmFrameAligner(PcmFormat.BYTES_PER_FRAME);
  private final WordAssembler words = new WordAssembler();
  private TtsSocket socket;
  private volatile TtsListener listener;
  private volatile boolean over;
  private double audioMs; // read thread only

  ElevenLabsTextStream(String apiKey, PcmFormat format) {
    this.apiKey = apiKey;
    this.format = format;
  }

  void start(TtsSocket socket) {
    this.socket = socket;
    socket.sendJson(Map.of("text", " "));
    socket.connect();
  }

  boolean usable() {
    return !over && socket.usable();
  }

  void attach(TtsListener listener) {
    this.listener = listener;
    if (over) { // the connection dropped in the instant between the check and now
      listener.onTts(new TtsEvent.Failed("ElevenLabs closed the stream before it was used", true));
    }
  }

  @Override
  public void append(String text) {
    if (!text.isEmpty()) {
      socket.sendJson(Map.of("text", text));
    }
  }

  @Override
  public void flush() {
    socket.sendJson(Map.of("text", " ", "flush", true));
  }

  @Override
  public void finish() {
    socket.sendJson(Map.of("text", ""));
  }

  /** Closing the connection is how stream-input stops: nothing more is generated or delivered. */
  @Override
  public void cancel() {
    over = true;
    socket.close();
  }

  @Override
  public void message(JsonNode message) {
    TtsListener to = listener;
    if (over || to == null) {
      return;
    }
    if (message.hasNonNull("error") || (message.hasNonNull("message") && !message.has("audio"))) {
      fail(to, "ElevenLabs: " + message.path("message").asText(message.path("error").asText()), false);
      return;
    }
    String audio = message.path("audio").asText("");
    if (!audio.isEmpty()) {
      byte[] pcm = frames.wholeFrames(Base64.getDecoder().decode(audio));
      alignment(message.path("alignment"), audioMs);
      audioMs += format.millisForBytes(pcm.length);
      if (pcm.length > 0) {
        to.onTts(new TtsEvent.Audio(pcm));
      }
      emit(to, words.take());
    }
    if (message.path("isFinal").asBoolean(false)) {
      over = true;
      emit(to, words.finish());
      to.onTts(new TtsEvent.Completed());
      socket.close();
    }
  }

  private void alignment(JsonNode alignment, double offsetMs) {
    JsonNode chars = alignment.path("chars");
    JsonNode starts = alignment.path("charStartTimesMs");
    JsonNode durations =
        alignment.has("charDurationsMs")
            ? alignment.path("charDurationsMs")
            : alignment.path("charsDurationsMs");
    for (int i = 0; i < chars.size(); i++) {
      double start = offsetMs + starts.path(i).asDouble();
      words.add(chars.get(i).asText(), start, start + durations.path(i).asDouble());
    }
  }

  private static void emit(TtsListener to, List<SpokenWord> done) {
    if (!done.isEmpty()) {
      to.onTts(new TtsEvent.Words(done));
    }
  }

  @Override
  public void closed(int code, String reason) {
    TtsListener to = listener;
    if (over || to == null) {
      over = true;
      return;
    }
    fail(to, "ElevenLabs closed the stream before the end of the audio (code " + code
        + (reason.isBlank() ? "" : ": " + reason) + ")", TtsSocket.retryable(code));
  }

  private void fail(TtsListener to, String why, boolean retryable) {
    over = true;
    to.onTts(new TtsEvent.Failed(Secrets.redact(why, apiKey), retryable));
    socket.close();
  }
}
