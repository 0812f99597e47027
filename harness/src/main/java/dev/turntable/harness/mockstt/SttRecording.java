package dev.turntable.harness.mockstt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A fixture's {@code stt.jsonl}: every frame of a recorded STT session, both directions, one JSON
 * object a line:
 *
 * <pre>
 * {"t_ms":812.4,"audio_ms":800,"dir":"out","type":"SpeechStarted","json":{...the message...}}
 * {"t_ms":850.0,"audio_ms":850,"dir":"in","type":"Audio","bytes":1600}
 * </pre>
 *
 * {@code t_ms} is wall time since connect, {@code audio_ms} the audio the client had sent when the
 * frame crossed the wire, {@code dir} {@code out} for server → client. Fields not listed are
 * ignored, so later format versions can add some.
 */
public final class SttRecording {
  /** Messages the server sends itself in a replayed session, so they are not replayed. */
  private static final Set<String> SERVER_OWN = Set.of("Begin", "Termination");

  /** One line of the file. {@code json} is empty for audio frames. */
  public record Frame(
      int line, double tMs, long audioMs, boolean fromServer, String type,
      Optional<JsonNode> json, long bytes) {}

  private final String source;
  private final List<Frame> frames;

  private SttRecording(String source, List<Frame> frames) {
    this.source = source;
    this.frames = List.copyOf(frames);
  }

  public static SttRecording load(Path file) throws IOException {
    return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  /**
   * Parses the lines of an {@code stt.jsonl}.
   *
   * @throws IllegalArgumentException naming {@code source:line} and what is wrong there
   */
  public static SttRecording parse(String source, List<String> lines) {
    List<Frame> frames = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        frames.add(frame(source, i + 1, lines.get(i)));
      }
    }
    return new SttRecording(source, frames);
  }

  /**
   * The frames a fixture reader already parsed and validated (line n is {@code frames.get(n-1)}).
   * Connect, Close and non-JSON text lines carry nothing to replay and are left out.
   */
  public static SttRecording of(String source, List<dev.turntable.harness.fixture.SttFrame> frames) {
    List<Frame> out = new ArrayList<>();
    for (int i = 0; i < frames.size(); i++) {
      var frame = frames.get(i);
      boolean fromServer = frame.dir() == dev.turntable.harness.fixture.SttFrame.Direction.OUT;
      if (frame instanceof dev.turntable.harness.fixture.SttFrame.Message m) {
        out.add(new Frame(i + 1, m.tMs(), m.audioMs(), fromServer, m.type(), Optional.of(m.json()), 0));
      } else if (frame instanceof dev.turntable.harness.fixture.SttFrame.Audio a) {
        out.add(new Frame(i + 1, a.tMs(), a.audioMs(), false, "Audio", Optional.empty(), a.bytes()));
      }
    }
    return new SttRecording(source, out);
  }

  /** A fixture's STT frames, as its reader already checked them. */
  public static SttRecording of(dev.turntable.harness.fixture.Fixture fixture) {
    return of(fixture.dir().resolve("stt.jsonl").toString(), fixture.sttFrames());
  }

  public String source() {
    return source;
  }

  public List<Frame> frames() {
    return frames;
  }

  /** The server messages a replay sends, in order: all {@code out} messages but Begin and Termination. */
  public List<Frame> replayedMessages() {
    return frames.stream()
        .filter(f -> f.fromServer() && f.json().isPresent() && !SERVER_OWN.contains(f.type()))
        .toList();
  }

  /**
   * How long after the audio reached {@code message}'s {@code audio_ms} it arrived: its {@code
   * t_ms} less that of the Audio frame that brought the audio to that position (0 when no frame
   * did). A message arrives some time after the frame that completed its audio, before the next
   * frame is sent; releasing it on the frame alone would make every replayed transcript early by
   * up to a frame, plus whatever the service took beyond it.
   */
  public double releaseLagMs(Frame message) {
    for (Frame frame : frames) {
      if (!frame.fromServer() && "Audio".equals(frame.type()) && frame.audioMs() >= message.audioMs()) {
        return Math.max(0, message.tMs() - frame.tMs());
      }
    }
    return 0;
  }

  /** The client's text messages ({@code in}, not audio), to compare with a replayed session. */
  public List<Frame> clientMessages() {
    return frames.stream().filter(f -> !f.fromServer() && f.json().isPresent()).toList();
  }

  private static Frame frame(String source, int line, String text) {
    JsonNode node;
    try {
      node = ServerMessages.JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw problem(source, line, "not JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw problem(source, line, "expected one JSON object per line");
    }
    JsonNode json = node.get("json");
    if (json != null && !json.isObject()) {
      throw problem(source, line, "\"json\" must be the message object");
    }
    String type = text(source, line, node, "type");
    String dir = text(source, line, node, "dir");
    if (!dir.equals("in") && !dir.equals("out")) {
      throw problem(source, line, "\"dir\" must be \"in\" or \"out\", was \"" + dir + "\"");
    }
    if (json == null && !type.equals("Audio")) {
      throw problem(source, line, "a " + type + " frame needs its message in \"json\"");
    }
    return new Frame(line, number(source, line, node, "t_ms"),
        (long) wholeNumber(source, line, node, "audio_ms"), dir.equals("out"), type,
        Optional.ofNullable(json), node.path("bytes").asLong(0));
  }

  private static String text(String source, int line, JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw problem(source, line, "missing text field \"" + field + "\"");
    }
    return value.asText();
  }

  private static double number(String source, int line, JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isNumber() || value.asDouble() < 0) {
      throw problem(source, line, "\"" + field + "\" must be a number ≥ 0");
    }
    return value.asDouble();
  }

  private static double wholeNumber(String source, int line, JsonNode node, String field) {
    double value = number(source, line, node, field);
    if (value != Math.rint(value)) {
      throw problem(source, line, "\"" + field + "\" must be a whole number of ms, was " + value);
    }
    return value;
  }

  private static IllegalArgumentException problem(String source, int line, String what) {
    return new IllegalArgumentException(source + ":" + line + ": " + what);
  }
}
