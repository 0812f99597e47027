package dev.turntable.harness.stubs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One ElevenLabs {@code stream-input} connection: the first message (a single space, maybe a
 * {@code generation_config.chunk_length_schedule}), then text buffered until the schedule's next
 * character count is reached (cut at the last space), a {@code flush}, or the closing empty text;
 * every audio message carries the alignment of the characters it speaks, in milliseconds from
 * the start of that message's audio; {@code isFinal} follows the last audio, then the close.
 */
final class ElevenLabsSocketSession implements SpeechSocketSession {
  /** ElevenLabs' documented default schedule. */
  static final int[] DEFAULT_SCHEDULE = {120, 160, 250, 290};

  private final SpeechSocket socket;
  private final SpeechAudio audio;
  private final SpeechPacer pacer;
  private final int sampleRate;
  private final boolean keyInHeader;
  private final StringBuilder buffer = new StringBuilder();
  private int[] schedule = DEFAULT_SCHEDULE;
  private int generations;
  private boolean initialized;
  private boolean ended;

  ElevenLabsSocketSession(
      SpeechSocket socket, SpeechAudio audio, SpeechPacer pacer, int sampleRate, boolean keyInHeader) {
    this.socket = socket;
    this.audio = audio;
    this.pacer = pacer;
    this.sampleRate = sampleRate;
    this.keyInHeader = keyInHeader;
  }

  @Override
  public synchronized void onText(JsonNode message) {
    if (ended) {
      return;
    }
    if (!message.path("text").isTextual()) {
      reject("every message needs a \"text\" string");
      return;
    }
    String text = message.path("text").asText();
    if (!initialized) {
      start(message, text);
      return;
    }
    if (text.isEmpty()) {
      ended = true;
      generate(buffer.toString());
      buffer.setLength(0);
      pacer.afterAudio(this::finalMessage);
      return;
    }
    buffer.append(text);
    if (message.path("flush").asBoolean(false)) {
      generate(buffer.toString());
      buffer.setLength(0);
      return;
    }
    int threshold = schedule[Math.min(generations, schedule.length - 1)];
    int cut = buffer.lastIndexOf(" ");
    if (buffer.length() >= threshold && cut > 0) {
      generate(buffer.substring(0, cut + 1));
      buffer.delete(0, cut + 1);
    }
  }

  private void start(JsonNode message, String text) {
    if (!text.equals(" ")) {
      reject("the first message must be {\"text\": \" \"} (a single space) to start the stream");
      return;
    }
    boolean keyInMessage = message.hasNonNull("xi_api_key") || message.hasNonNull("xi-api-key");
    if (!keyInHeader && !keyInMessage) {
      reject("no API key: send the xi-api-key header or \"xi_api_key\" in the first message");
      return;
    }
    JsonNode configured = message.path("generation_config").path("chunk_length_schedule");
    if (configured.isArray() && configured.size() > 0) {
      schedule = new int[configured.size()];
      for (int i = 0; i < schedule.length; i++) {
        schedule[i] = configured.get(i).asInt();
        if (schedule[i] < 50 || schedule[i] > 500) {
          reject("chunk_length_schedule values must be between 50 and 500, got " + schedule[i]);
          return;
        }
      }
    }
    initialized = true;
  }

  private void generate(String text) {
    String spoken = text.strip();
    if (spoken.isEmpty()) {
      return;
    }
    generations++;
    long triggered = System.nanoTime();
    byte[] pcm = audio.pcm(spoken, sampleRate);
    long synthesis = System.nanoTime() - triggered;
    double totalMs = pcm.length * 1000.0 / (2.0 * sampleRate);
    // Spread the characters (spaces included, as ElevenLabs aligns them) evenly over the audio:
    // the stub's stand-in for forced alignment.
    double perChar = totalMs / text.length();
    pacer.deliver(pcm, sampleRate, triggered, synthesis,
        (slice, offsetMs, streamMs) -> {
          double sliceMs = slice.length * 1000.0 / (2.0 * sampleRate);
          socket.send(audioMessage(slice, text, perChar, offsetMs, sliceMs));
        });
  }

  private static ObjectNode audioMessage(
      byte[] slice, String text, double perChar, double offsetMs, double sliceMs) {
    ObjectNode message = SpeechSocket.JSON.createObjectNode();
    message.put("audio", Base64.getEncoder().encodeToString(slice));
    message.putNull("isFinal");
    ObjectNode alignment = message.putObject("alignment");
    ArrayNode chars = alignment.putArray("chars");
    ArrayNode starts = alignment.putArray("charStartTimesMs");
    ArrayNode durations = alignment.putArray("charDurationsMs");
    List<Integer> inSlice = new ArrayList<>();
    for (int i = 0; i < text.length(); i++) {
      double start = i * perChar;
      if (start >= offsetMs && start < offsetMs + sliceMs) {
        inSlice.add(i);
      }
    }
    for (int i : inSlice) {
      chars.add(String.valueOf(text.charAt(i)));
      starts.add(Math.round(i * perChar - offsetMs));
      durations.add(Math.round(perChar));
    }
    message.set("normalizedAlignment", alignment.deepCopy());
    return message;
  }

  private void finalMessage() {
    ObjectNode message = SpeechSocket.JSON.createObjectNode();
    message.put("isFinal", true);
    socket.send(message);
    socket.close(1000, "");
  }

  private void reject(String why) {
    ended = true;
    pacer.stop();
    ObjectNode message = SpeechSocket.JSON.createObjectNode();
    message.put("message", why);
    message.put("error", "invalid_request");
    message.put("code", 1008);
    socket.send(message);
    socket.close(1008, why.length() > 120 ? why.substring(0, 120) : why);
  }

  @Override
  public void closed() {
    pacer.stop();
  }
}
