package dev.turntable.harness.report;

import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.audio.wav.WavAudio;
import dev.turntable.agent.audio.wav.WavFile;
import dev.turntable.agent.conversation.AgentEvent;
import dev.turntable.harness.check.SessionMeasures;
import dev.turntable.harness.check.Timeline;
import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.replay.CapturingSpeaker.PlayedSpan;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * Everything the report shows about one recorded or replayed session.
 *
 * @param name a short name (fixture or scenario)
 * @param description what the session is about; may be empty
 * @param micFormat the format of {@code micPcm}
 * @param micPcm the mic audio sent to STT, mono s16le from session time 0; may be empty. Not
 *     copied: do not change it afterwards
 * @param speakerFormat the format of the speaker spans' PCM
 * @param speakerSpans agent audio that really played, each placed at its agent-clock start; may be
 *     empty (e.g. a recording without speaker.wav)
 * @param timeline the agent's events
 * @param measures usually {@code SessionMeasures.of(timeline)}
 * @param differences decision differences against the recording (empty when none or not compared)
 * @param passed the verdict shown
 * @param speed the replay speed (1 for a live recording)
 */
public record ReportSession(
    String name,
    String description,
    PcmFormat micFormat,
    byte[] micPcm,
    PcmFormat speakerFormat,
    List<PlayedSpan> speakerSpans,
    Timeline timeline,
    SessionMeasures measures,
    List<String> differences,
    boolean passed,
    double speed) {

  public ReportSession {
    Objects.requireNonNull(name, "name");
    description = description == null ? "" : description;
    Objects.requireNonNull(micFormat, "micFormat");
    micPcm = micPcm == null ? new byte[0] : micPcm;
    Objects.requireNonNull(speakerFormat, "speakerFormat");
    speakerSpans = List.copyOf(speakerSpans);
    Objects.requireNonNull(timeline, "timeline");
    Objects.requireNonNull(measures, "measures (use SessionMeasures.of(timeline))");
    differences = List.copyOf(differences);
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("speed must be a positive number, was " + speed);
    }
  }

  /**
   * A recorded fixture as it was recorded: speed 1, no comparison, and a verdict that is only "no
   * agent errors" (a recording has no expectations to fail). speaker.wav, if present, is placed
   * reply by reply at the times agent.jsonl gives.
   *
   * @throws IOException if speaker.wav cannot be read
   */
  public static ReportSession ofRecording(Fixture fixture) throws IOException {
    Timeline timeline = new Timeline(fixture.agentEvents());
    PcmFormat speakerFormat = PcmFormat.STT;
    List<PlayedSpan> spans = List.of();
    if (fixture.speakerWav().isPresent()) {
      WavAudio speaker = WavFile.read(fixture.speakerWav().get());
      speakerFormat = speaker.format();
      spans = SpeakerSpans.backToBack(speakerFormat, speaker.pcm(), timeline);
    }
    String name =
        fixture.dir().getFileName() == null ? "fixture" : fixture.dir().getFileName().toString();
    return new ReportSession(
        name,
        fixture.manifest().description(),
        PcmFormat.STT,
        fixture.micPcm(),
        speakerFormat,
        spans,
        timeline,
        SessionMeasures.of(timeline),
        List.of(),
        timeline.all(AgentEvent.AgentError.class).isEmpty(),
        1);
  }

  @Override
  public String toString() {
    return "ReportSession["
        + name
        + ", "
        + micPcm.length
        + " mic bytes, "
        + speakerSpans.size()
        + " speaker spans, "
        + timeline.events().size()
        + " events, "
        + (passed ? "passed" : "failed")
        + ", "
        + speed
        + "×]";
  }
}
