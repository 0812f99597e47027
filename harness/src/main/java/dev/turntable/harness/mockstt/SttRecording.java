package dev.turntable.harness.mockstt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
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
 *
 * <p>A recording may hold more than one connection: when the connection dropped and the client
 * reconnected, a {@code Close} line ends the first and a {@code Connect} line starts the next.
 * {@link #connections()} splits the recording there, so a replay can close the first connection
 * where it closed and serve the next one what it served.
 */
public final class SttRecording {
  /** Messages the server sends itself in a replayed session, so they are not replayed. */
  private static final Set<String> SERVER_OWN = Set.of("Begin", "Termination");

  /** One line of the file. {@code json} is empty for audio frames. */
  public record Frame(
      int line, double tMs, long audioMs, boolean fromServer, String type,
      Optional<JsonNode> json, long bytes) {}

  /**
   * How a recorded connection ended before the client opened another one: the close (its code, its
   * reason) the client saw when {@code audioMs} of audio had been sent on it. {@code 1006} is a
   * connection lost without a close frame. {@code reopenedAfterMs} is how long after the close the
   * client's next connection opened: its reconnect delay and the handshake.
   */
  public record Disconnect(int line, long audioMs, int code, String reason, double reopenedAfterMs) {}

  /**
   * One recorded connection. Audio positions count from its own start, as a server counts a new
   * session's audio: {@code startAudioMs} is the recording's {@code audio_ms} at its Connect line.
   *
   * @param afterLine its frames are the lines after this one, up to the next connection's: its
   *     Connect line, 0 for the first connection
   * @param messages the server messages a replay sends on it (see {@link #replayedMessages()})
   * @param disconnect how it ended, when the client reconnected after it; empty for the last
   *     connection, whose end the replay makes live (Termination and a normal close)
   */
  public record Connection(
      int afterLine, long startAudioMs, List<Frame> messages, Optional<Disconnect> disconnect) {
    public Connection {
      messages = List.copyOf(messages);
    }

    /** Where {@code message} was due on this connection's own audio axis. */
    public long dueAudioMs(Frame message) {
      return Math.max(0, message.audioMs() - startAudioMs);
    }
  }

  /** A Connect or Close line, kept apart from the frames: they only say where connections split. */
  private record Boundary(int line, double tMs, long audioMs, OptionalInt closeCode, String reason) {
    boolean isConnect() {
      return closeCode.isEmpty();
    }
  }

  private final String source;
  private final List<Frame> frames;
  private final List<Connection> connections;

  private SttRecording(String source, List<Frame> frames, List<Boundary> boundaries) {
    this.source = source;
    this.frames = List.copyOf(frames);
    this.connections = split(this.frames, boundaries);
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
    List<Boundary> boundaries = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        Object parsed = frame(source, i + 1, lines.get(i));
        if (parsed instanceof Boundary boundary) {
          boundaries.add(boundary);
        } else {
          frames.add((Frame) parsed);
        }
      }
    }
    return new SttRecording(source, frames, boundaries);
  }

  /**
   * The frames a fixture reader already parsed and validated (line n is {@code frames.get(n-1)}).
   * Non-JSON text lines carry nothing to replay and are left out; Connect and Close lines only say
   * where one connection ends and the next begins.
   */
  public static SttRecording of(String source, List<dev.turntable.harness.fixture.SttFrame> frames) {
    List<Frame> out = new ArrayList<>();
    List<Boundary> boundaries = new ArrayList<>();
    for (int i = 0; i < frames.size(); i++) {
      var frame = frames.get(i);
      boolean fromServer = frame.dir() == dev.turntable.harness.fixture.SttFrame.Direction.OUT;
      if (frame instanceof dev.turntable.harness.fixture.SttFrame.Message m) {
        out.add(new Frame(i + 1, m.tMs(), m.audioMs(), fromServer, m.type(), Optional.of(m.json()), 0));
      } else if (frame instanceof dev.turntable.harness.fixture.SttFrame.Audio a) {
        out.add(new Frame(i + 1, a.tMs(), a.audioMs(), false, "Audio", Optional.empty(), a.bytes()));
      } else if (frame instanceof dev.turntable.harness.fixture.SttFrame.Connect c) {
        boundaries.add(new Boundary(i + 1, c.tMs(), c.audioMs(), OptionalInt.empty(), ""));
      } else if (frame instanceof dev.turntable.harness.fixture.SttFrame.Close c) {
        boundaries.add(new Boundary(i + 1, c.tMs(), c.audioMs(), OptionalInt.of(c.code()), c.reason()));
      }
    }
    return new SttRecording(source, out, boundaries);
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
    return frames.stream().filter(SttRecording::replayed).toList();
  }

  /**
   * The recorded connections in order: one, unless the client reconnected. A recording without
   * Connect lines is one connection from audio position 0.
   */
  public List<Connection> connections() {
    return connections;
  }

  /** How long after each recorded drop the next connection opened, in order. */
  public List<Duration> reopens() {
    return connections.stream()
        .flatMap(c -> c.disconnect().stream())
        .map(d -> Duration.ofNanos(Math.round(d.reopenedAfterMs() * 1e6)))
        .toList();
  }

  private static boolean replayed(Frame frame) {
    return frame.fromServer() && frame.json().isPresent() && !SERVER_OWN.contains(frame.type());
  }

  /**
   * Splits the frames at every Connect after the first. The Close before such a Connect is how the
   * earlier connection ended; the recording's last Close is the session's own end, which a replay
   * makes live.
   */
  private static List<Connection> split(List<Frame> frames, List<Boundary> boundaries) {
    List<Integer> starts = new ArrayList<>();
    List<Long> startAudio = new ArrayList<>();
    List<Optional<Disconnect>> ends = new ArrayList<>();
    starts.add(0);
    startAudio.add(0L);
    ends.add(Optional.empty());
    Boundary lastClose = null;
    boolean connected = false;
    for (Boundary boundary : boundaries) {
      if (!boundary.isConnect()) {
        lastClose = boundary;
        connected = true; // a Close before any Connect: the recording began mid-connection
        continue;
      }
      if (connected) {
        int current = ends.size() - 1;
        if (lastClose != null) {
          ends.set(current, Optional.of(new Disconnect(lastClose.line(),
              lastClose.audioMs() - startAudio.get(current), lastClose.closeCode().getAsInt(),
              lastClose.reason(), Math.max(0, boundary.tMs() - lastClose.tMs()))));
        }
        starts.add(boundary.line());
        startAudio.add(boundary.audioMs());
        ends.add(Optional.empty());
      } else {
        startAudio.set(0, boundary.audioMs());
      }
      connected = true;
      lastClose = null;
    }
    List<Connection> connections = new ArrayList<>();
    for (int c = 0; c < starts.size(); c++) {
      int from = starts.get(c);
      int to = c + 1 < starts.size() ? starts.get(c + 1) : Integer.MAX_VALUE;
      List<Frame> messages = frames.stream()
          .filter(f -> f.line() > from && f.line() < to && replayed(f))
          .toList();
      connections.add(new Connection(from, startAudio.get(c), messages, ends.get(c)));
    }
    return List.copyOf(connections);
  }

  /**
   * How long after the audio reached {@code message}'s {@code audio_ms} it arrived: its {@code
   * t_ms} less that of the Audio frame that brought the audio to that position (0 when no frame
   * did). A message arrives some time after the frame that completed its audio, before the next
   * frame is sent; releasing it on the frame alone would make every replayed transcript early by
   * up to a frame, plus whatever the service took beyond it. Only the message's own connection's
   * frames count: audio sent before a reconnect did not reach the new session.
   */
  public double releaseLagMs(Frame message) {
    int after = 0;
    for (Connection connection : connections) {
      if (connection.afterLine() < message.line()) {
        after = connection.afterLine();
      }
    }
    for (Frame frame : frames) {
      if (frame.line() > after && !frame.fromServer() && "Audio".equals(frame.type())
          && frame.audioMs() >= message.audioMs()) {
        return Math.max(0, message.tMs() - frame.tMs());
      }
    }
    return 0;
  }

  /** The client's text messages ({@code in}, not audio), to compare with a replayed session. */
  public List<Frame> clientMessages() {
    return frames.stream().filter(f -> !f.fromServer() && f.json().isPresent()).toList();
  }

  /** A {@link Frame}, or a {@link Boundary} for a Connect or Close line. */
  private static Object frame(String source, int line, String text) {
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
    if (type.equals("Connect")) {
      return new Boundary(line, number(source, line, node, "t_ms"),
          (long) wholeNumber(source, line, node, "audio_ms"), OptionalInt.empty(), "");
    }
    if (type.equals("Close")) {
      JsonNode code = node.get("code");
      if (code == null || !code.canConvertToInt()) {
        throw problem(source, line, "a Close line needs its integer \"code\"");
      }
      return new Boundary(line, number(source, line, node, "t_ms"),
          (long) wholeNumber(source, line, node, "audio_ms"), OptionalInt.of(code.asInt()),
          node.path("reason").asText(""));
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
