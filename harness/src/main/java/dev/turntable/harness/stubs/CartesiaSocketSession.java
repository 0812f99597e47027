package dev.turntable.harness.stubs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Cartesia WebSocket connection, many contexts. A context's continuations are buffered until
 * a sentence ends, a {@code flush}, the last message ({@code continue: false}) or
 * {@code max_buffer_delay_ms} after the oldest unspoken text; its audio comes as {@code chunk}
 * messages, word {@code timestamps} (seconds from the context's first audio) when asked for, and
 * {@code done} after the last. {@code cancel} drops a context at once.
 */
final class CartesiaSocketSession implements SpeechSocketSession {
  /** Cartesia's documented default buffering delay for continuations. */
  static final int DEFAULT_MAX_BUFFER_DELAY_MS = 3000;
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+[\"')\\]]*(\\s|$)");

  private final SpeechSocket socket;
  private final SpeechAudio audio;
  private final ScheduledExecutorService scheduler;
  private final StubTiming timing;
  private final Map<String, Context> contexts = new HashMap<>(); // guarded by this

  CartesiaSocketSession(
      SpeechSocket socket, SpeechAudio audio, ScheduledExecutorService scheduler, StubTiming timing) {
    this.socket = socket;
    this.audio = audio;
    this.scheduler = scheduler;
    this.timing = timing;
  }

  private final class Context {
    final String id;
    final int sampleRate;
    final boolean float32;
    final SpeechPacer pacer;
    final StringBuilder buffer = new StringBuilder();
    boolean timestamps;
    boolean finished;
    int bufferGeneration;

    Context(String id, int sampleRate, boolean float32) {
      this.id = id;
      this.sampleRate = sampleRate;
      this.float32 = float32;
      this.pacer = new SpeechPacer(scheduler, timing);
    }
  }

  @Override
  public synchronized void onText(JsonNode message) {
    String id = message.path("context_id").asText("");
    if (message.path("cancel").asBoolean(false)) {
      Context cancelled = contexts.remove(id);
      if (cancelled != null) {
        cancelled.pacer.stop();
      }
      return;
    }
    if (id.isEmpty()) {
      id = UUID.randomUUID().toString();
    }
    String problem = CartesiaRequests.problem(message);
    if (problem != null) {
      error(id, problem);
      return;
    }
    Context context = contexts.get(id);
    if (context == null) {
      JsonNode format = message.path("output_format");
      context = new Context(id, format.path("sample_rate").asInt(),
          format.path("encoding").asText().equals("pcm_f32le"));
      contexts.put(id, context);
    } else if (context.finished) {
      error(id, "context " + id + " has already received its last input (continue: false)");
      return;
    }
    context.timestamps |= message.path("add_timestamps").asBoolean(false);
    context.buffer.append(message.path("transcript").asText());
    boolean continues = message.path("continue").asBoolean(false);
    if (!continues) {
      context.finished = true;
      generateAll(context);
      Context done = context;
      context.pacer.afterAudio(() -> done(done));
    } else if (message.path("flush").asBoolean(false)) {
      generateAll(context);
      Context flushed = context;
      context.pacer.afterAudio(() -> send(flushed, "flush_done"));
    } else {
      generateSentences(context, message.path("max_buffer_delay_ms").asInt(DEFAULT_MAX_BUFFER_DELAY_MS));
    }
  }

  private void generateSentences(Context context, int maxDelayMs) {
    Matcher end = SENTENCE_END.matcher(context.buffer);
    int cut = -1;
    while (end.find()) {
      cut = end.end();
    }
    if (cut > 0) {
      generate(context, context.buffer.substring(0, cut));
      context.buffer.delete(0, cut);
    }
    if (!context.buffer.toString().isBlank()) {
      int generation = ++context.bufferGeneration;
      long due = System.nanoTime() + Math.round(maxDelayMs / timing.speed()) * 1_000_000L;
      context.pacer.at(due, () -> bufferExpired(context, generation));
    }
  }

  private synchronized void bufferExpired(Context context, int generation) {
    if (context.bufferGeneration == generation && contexts.get(context.id) == context) {
      generateAll(context);
    }
  }

  private void generateAll(Context context) {
    context.bufferGeneration++;
    generate(context, context.buffer.toString());
    context.buffer.setLength(0);
  }

  private void generate(Context context, String text) {
    if (text.isBlank()) {
      return;
    }
    long triggered = System.nanoTime();
    byte[] pcm = audio.pcm(text.strip(), context.sampleRate);
    long synthesis = System.nanoTime() - triggered;
    double totalMs = pcm.length * 1000.0 / (2.0 * context.sampleRate);
    context.pacer.deliver(pcm, context.sampleRate, triggered, synthesis,
        (slice, offsetMs, streamMs) -> {
          ObjectNode chunk = message(context, "chunk", 206, false);
          byte[] encoded = context.float32 ? toFloat32(slice) : slice;
          chunk.put("data", Base64.getEncoder().encodeToString(encoded));
          chunk.put("step_time", timing.ttsFirstByteMillis());
          socket.send(chunk);
          double sliceMs = slice.length * 1000.0 / (2.0 * context.sampleRate);
          if (context.timestamps) {
            timestamps(context, text, totalMs, offsetMs, sliceMs, streamMs - offsetMs);
          }
        });
  }

  /** Words whose start falls in this slice, placed evenly by character position. */
  private void timestamps(
      Context context, String text, double totalMs, double fromMs, double sliceMs, double baseMs) {
    ObjectNode message = message(context, "timestamps", 206, false);
    ObjectNode words = message.putObject("word_timestamps");
    var list = words.putArray("words");
    var starts = words.putArray("start");
    var ends = words.putArray("end");
    double perChar = totalMs / text.length();
    Matcher word = Pattern.compile("\\S+").matcher(text);
    while (word.find()) {
      double start = word.start() * perChar;
      if (start >= fromMs && start < fromMs + sliceMs) {
        list.add(word.group());
        starts.add((baseMs + start) / 1000.0);
        ends.add((baseMs + word.end() * perChar) / 1000.0);
      }
    }
    if (!list.isEmpty()) {
      socket.send(message);
    }
  }

  private synchronized void done(Context context) {
    if (contexts.remove(context.id) == context) {
      socket.send(message(context, "done", 200, true));
    }
  }

  private void send(Context context, String type) {
    ObjectNode message = message(context, type, 200, false);
    message.put(type, true);
    socket.send(message);
  }

  private static ObjectNode message(Context context, String type, int status, boolean done) {
    ObjectNode message = SpeechSocket.JSON.createObjectNode();
    message.put("type", type);
    message.put("context_id", context.id);
    message.put("status_code", status);
    message.put("done", done);
    return message;
  }

  private void error(String id, String why) {
    ObjectNode message = SpeechSocket.JSON.createObjectNode();
    message.put("type", "error");
    message.put("context_id", id);
    message.put("status_code", 400);
    message.put("done", true);
    message.put("title", "Invalid request");
    message.put("message", why);
    message.put("error_code", "invalid_request");
    socket.send(message);
  }

  static byte[] toFloat32(byte[] s16) {
    java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(s16).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    java.nio.ByteBuffer out =
        java.nio.ByteBuffer.allocate(s16.length * 2).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    while (in.remaining() >= 2) {
      out.putFloat(in.getShort() / 32768f);
    }
    return out.array();
  }

  @Override
  public synchronized void closed() {
    contexts.values().forEach(context -> context.pacer.stop());
    contexts.clear();
  }
}
