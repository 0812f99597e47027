package dev.turntable.harness.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.turntable.harness.mockstt.Script;
import dev.turntable.harness.stubs.SpeechAudio;
import dev.turntable.harness.stubs.SpeechEngine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The user's side of a conversation: lines spoken by espeak-ng (as {@code turntable synthesize}
 * makes them: 16 kHz via sox, padding trimmed) placed at known times in one track, and the mock
 * STT script that transcribes them at those times.
 */
final class UserTrack {
  /** Say {@code text} starting {@code atMs} into the track. */
  record Line(String text, long atMs) {}

  /** A line as placed: its voice spans samples {@code [start, end)} of the track. */
  record Placed(String text, int start, int end) {
    double startMs() {
      return Pcm.millis(start);
    }

    double endMs() {
      return Pcm.millis(end);
    }
  }

  private final short[] samples;
  private final List<Placed> placed;

  private UserTrack(short[] samples, List<Placed> placed) {
    this.samples = samples;
    this.placed = List.copyOf(placed);
  }

  static UserTrack compose(List<Line> lines, long tailMs) {
    SpeechAudio speech = SpeechAudio.create(SpeechEngine.ESPEAK);
    short[] track = new short[0];
    List<Placed> placed = new ArrayList<>();
    for (Line line : lines) {
      int start = Pcm.samplesFor(line.atMs());
      if (start < track.length) {
        throw new IllegalArgumentException("\"" + line.text() + "\" at " + line.atMs()
            + " ms starts before the previous line ends at " + Pcm.millis(track.length) + " ms");
      }
      short[] voice = Pcm.trimSilence(Pcm.samples(speech.pcm(line.text(), 16_000)));
      track = Arrays.copyOf(track, start + voice.length);
      System.arraycopy(voice, 0, track, start, voice.length);
      placed.add(new Placed(line.text(), start, track.length));
    }
    return new UserTrack(Arrays.copyOf(track, track.length + Pcm.samplesFor(tailMs)), placed);
  }

  short[] samples() {
    return samples.clone();
  }

  Placed line(int index) {
    return placed.get(index);
  }

  /** From the first line's first sound to the last line's last: the clip to look for in recordings. */
  short[] voice() {
    return Arrays.copyOfRange(samples, placed.get(0).start(), placed.get(placed.size() - 1).end());
  }

  /**
   * The mock STT script (harness/docs/mock-stt-script.md) for this track heard from
   * {@code streamOffsetMs} into the agent's audio stream; loaded back once to prove it is valid.
   */
  void writeScript(Path file, long streamOffsetMs) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode script = json.createObjectNode();
    script.put("description", "LiveAgentAudioIT: question, backchannel, interruption");
    ArrayNode utterances = script.putArray("utterances");
    for (Placed line : placed) {
      utterances.addObject()
          .put("text", line.text())
          .put("start_ms", Math.round(line.startMs()) + streamOffsetMs)
          .put("end_ms", Math.round(line.endMs()) + streamOffsetMs);
    }
    json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), script);
    Script.load(file);
  }
}
