package dev.turntable.agent.tts.cartesia;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.http.PcmFrameAligner;
import dev.turntable.agent.http.Secrets;
import dev.turntable.agent.tts.SpokenWord;
import dev.turntable.agent.tts.TextStream;
import dev.turntable.agent.tts.TtsEvent;
import dev.turntable.agent.tts.TtsListener;
import dev.turntable.agent.tts.websocket.TtsSocket;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * One reply as one Cartesia context: every message repeats the generation request (Cartesia
 * requires it on each continuation), with {@code continue: true} until the last. Word timestamps
 * are asked for and arrive in seconds from the start of the context's audio.
 */
final class CartesiaContext implements TextStream {
  private final String id;
  private final CartesiaOptions options;
  private final TtsSocket socket;
  private final TtsListener listener;
  private final CartesiaStreamSynthesizer owner;
  private final PcmFrameAligner frames = new PcmFrameAligner(PcmFormat.BYTES_PER_FRAME);
  private volatile boolean over;

  CartesiaContext(
      String id,
      CartesiaOptions options,
      TtsSocket socket,
      TtsListener listener,
      CartesiaStreamSynthesizer owner) {
    this.id = id;
    this.options = options;
    this.socket = socket;
    this.listener = listener;
    this.owner = owner;
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Continuation(
      @JsonProperty("model_id") String modelId,
      String transcript,
      CartesiaRequest.Voice voice,
      @JsonProperty("output_format") CartesiaRequest.OutputFormat outputFormat,
      String language,
      @JsonProperty("context_id") String contextId,
      @JsonProperty("continue") boolean continues,
      @JsonProperty("add_timestamps") boolean addTimestamps,
      Boolean flush) {}

  @Override
  public void append(String text) {
    if (!text.isEmpty()) {
      send(text, true, null);
    }
  }

  @Override
  public void flush() {
    send("", true, true);
  }

  @Override
  public void finish() {
    send("", false, null);
  }

  @Override
  public void cancel() {
    if (!over) {
      over = true;
      socket.sendJson(Map.of("context_id", id, "cancel", true));
    }
    owner.forget(id);
  }

  private void send(String transcript, boolean continues, Boolean flush) {
    if (over) {
      return;
    }
    CartesiaRequest base = CartesiaRequest.of(options, transcript);
    socket.sendJson(
        new Continuation(
            base.modelId(),
            transcript,
            base.voice(),
            base.outputFormat(),
            base.language(),
            id,
            continues,
            true,
            flush));
  }

  /** On the socket's read thread. */
  void message(JsonNode message) {
    if (over) {
      return;
    }
    String type = message.path("type").asText("");
    switch (type) {
      case "chunk" -> {
        byte[] pcm = frames.wholeFrames(Base64.getDecoder().decode(message.path("data").asText("")));
        if (pcm.length > 0) {
          listener.onTts(new TtsEvent.Audio(pcm));
        }
      }
      case "timestamps" -> words(message.path("word_timestamps"));
      case "done" -> {
        over = true;
        owner.forget(id);
        listener.onTts(new TtsEvent.Completed());
      }
      case "error" -> fail("Cartesia: " + message.path("title").asText("error") + ": "
          + message.path("message").asText(message.path("error").asText("")), false);
      default -> { } // flush_done and future message types carry nothing the agent needs
    }
  }

  private void words(JsonNode timestamps) {
    JsonNode words = timestamps.path("words");
    List<SpokenWord> spoken = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i).asText();
      double start = timestamps.path("start").path(i).asDouble() * 1000;
      double end = timestamps.path("end").path(i).asDouble() * 1000;
      if (!word.isBlank()) {
        spoken.add(new SpokenWord(word, start, Math.max(start, end)));
      }
    }
    if (!spoken.isEmpty()) {
      listener.onTts(new TtsEvent.Words(spoken));
    }
  }

  void connectionClosed(int code, String reason) {
    if (!over) {
      fail("Cartesia closed the connection before the end of the audio (code " + code
          + (reason.isBlank() ? "" : ": " + reason) + ")", TtsSocket.retryable(code));
    }
  }

  private void fail(String why, boolean retryable) {
    over = true;
    owner.forget(id);
    listener.onTts(new TtsEvent.Failed(Secrets.redact(why, options.apiKey()), retryable));
  }
}
