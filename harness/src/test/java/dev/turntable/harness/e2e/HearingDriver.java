package dev.turntable.harness.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.turntable.harness.mockstt.SessionDriver;
import dev.turntable.harness.mockstt.SessionHandle;
import dev.turntable.harness.mockstt.SessionParameters;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A mock STT that transcribes what it hears rather than what a script says: a stretch of loud
 * audio (speech) becomes a {@code SpeechStarted} and, once it is followed by {@link #END_SILENCE_MS}
 * of quiet, a final {@code Turn}. It knows the user's lines and when they are spoken, so speech that
 * overlaps one is transcribed as that line; any other speech (the agent's own voice coming back
 * through the room) is transcribed as {@link #UNSCRIPTED}, two words that interrupt the agent as a
 * real transcript of its own words would. So whether echo reaches STT decides what the agent does.
 * The test announces each line as it starts playing it ({@link #expect}), so the driver knows where
 * in the stream the user speaks however long the agent took to answer.
 */
final class HearingDriver implements SessionDriver {
  static final String UNSCRIPTED = "[unscripted speech]";
  /** RMS of a 10 ms block above which it counts as speech: about -40 dBFS. */
  static final double SPEECH_RMS = 330;
  /** Speech shorter than this is a click, not a word. */
  static final long MIN_SPEECH_MS = 150;
  static final long END_SILENCE_MS = 600;
  /** How long after a line's own length its sound may still arrive (paplay, the agent's buffers). */
  static final long LINE_TOLERANCE_MS = 600;

  /** A stretch of speech heard, in ms of the audio stream, and the Turn it became. */
  record Heard(long startMs, long endMs, String text, double peakRms, long turnSentNanos) {
    boolean scripted() {
      return !text.equals(UNSCRIPTED);
    }
  }

  /** A line the user speaks, in ms of the agent's audio stream. */
  record Line(String text, long startMs, long endMs) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BLOCK_MS = 10;

  private final List<Line> lines = new CopyOnWriteArrayList<>();
  private final List<Heard> heard = new CopyOnWriteArrayList<>();
  private SessionHandle session;
  private long samplesSeen;
  private long speechStartMs = -1;
  private long lastLoudMs = -1;
  private double peakRms;
  private boolean startReported;
  private int turnOrder;

  /** The user starts saying {@code text}, {@code durationMs} long, now: it reaches STT from here on. */
  synchronized void expect(String text, long durationMs) {
    long now = samplesSeen / 16;
    lines.add(new Line(text, now, now + durationMs));
  }

  List<Heard> heard() {
    return List.copyOf(heard);
  }

  List<Line> lines() {
    return List.copyOf(lines);
  }

  @Override
  public synchronized void opened(SessionParameters parameters, SessionHandle session) {
    this.session = session;
  }

  @Override
  public synchronized void audio(ByteBuffer frame) {
    ByteBuffer pcm = frame.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    int blockSamples = 16 * BLOCK_MS;
    while (pcm.remaining() >= blockSamples * 2) {
      double sum = 0;
      for (int i = 0; i < blockSamples; i++) {
        double s = pcm.getShort();
        sum += s * s;
      }
      samplesSeen += blockSamples;
      block(Math.sqrt(sum / blockSamples), samplesSeen / 16);
    }
  }

  /** One 10 ms block ending at {@code nowMs} of the stream. */
  private void block(double rms, long nowMs) {
    boolean loud = rms > SPEECH_RMS;
    if (loud) {
      if (speechStartMs < 0) {
        speechStartMs = nowMs - BLOCK_MS;
        peakRms = 0;
        startReported = false;
      }
      lastLoudMs = nowMs;
      peakRms = Math.max(peakRms, rms);
      if (!startReported && nowMs - speechStartMs >= MIN_SPEECH_MS) {
        startReported = true;
        session.send(speechStarted(speechStartMs));
      }
      return;
    }
    if (speechStartMs >= 0 && nowMs - lastLoudMs >= END_SILENCE_MS) {
      if (lastLoudMs - speechStartMs >= MIN_SPEECH_MS) {
        String text = transcribe(speechStartMs, lastLoudMs);
        session.send(turn(text, speechStartMs, lastLoudMs));
        heard.add(new Heard(speechStartMs, lastLoudMs, text, peakRms, System.nanoTime()));
      }
      speechStartMs = -1;
    }
  }

  private String transcribe(long startMs, long endMs) {
    return lines.stream()
        .filter(line -> startMs < line.endMs() + LINE_TOLERANCE_MS && endMs > line.startMs())
        .map(Line::text)
        .findFirst()
        .orElse(UNSCRIPTED);
  }

  private static ObjectNode speechStarted(long timestampMs) {
    ObjectNode message = JSON.createObjectNode();
    message.put("type", "SpeechStarted");
    message.put("timestamp", timestampMs);
    message.put("confidence", 0.98);
    return message;
  }

  private ObjectNode turn(String text, long startMs, long endMs) {
    ObjectNode message = JSON.createObjectNode();
    message.put("type", "Turn");
    message.put("turn_order", turnOrder++);
    message.put("turn_is_formatted", true);
    message.put("end_of_turn", true);
    message.put("transcript", text);
    message.put("utterance", text);
    message.put("end_of_turn_confidence", 1.0);
    ArrayNode words = message.putArray("words");
    String[] split = text.split(" ");
    long each = Math.max(1, (endMs - startMs) / split.length);
    for (int i = 0; i < split.length; i++) {
      words.addObject()
          .put("start", startMs + i * each)
          .put("end", startMs + (i + 1) * each)
          .put("text", split[i])
          .put("confidence", 0.95)
          .put("word_is_final", true);
    }
    return message;
  }

  @Override
  public void audioReceived(long totalAudioMs) {}

  @Override
  public void forceEndpoint() {}

  @Override
  public void terminate() {}

  @Override
  public void configUpdated(SessionParameters parameters, Set<String> changed) {}
}
