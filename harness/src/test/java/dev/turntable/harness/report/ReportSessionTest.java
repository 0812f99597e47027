package dev.turntable.harness.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.turntable.agent.audio.wav.WavAudio;
import dev.turntable.agent.audio.wav.WavFile;
import dev.turntable.harness.check.SessionMeasures;
import dev.turntable.harness.check.Timeline;
import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.fixture.FixtureManifest;
import dev.turntable.harness.replay.CapturingSpeaker.PlayedSpan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportSessionTest {
  @TempDir Path dir;

  @Test
  void aRecordingsSpeakerFileIsCutIntoOneSpanPerReplyAtItsStart() throws Exception {
    // speaker.wav holds both replies back to back: 3.93 s heard of the first, 1.6 s of the second
    byte[] played = new byte[SyntheticSession.SPEAKER.bytesForMillis(3930 + 1600)];
    WavFile.write(dir.resolve("speaker.wav"), new WavAudio(SyntheticSession.SPEAKER, played));
    byte[] mic = SyntheticSession.micPcm();
    WavFile.write(dir.resolve("mic.wav"), new WavAudio(SyntheticSession.MIC, mic));
    Fixture fixture =
        new Fixture(
            dir,
            FixtureManifest.v1("0.1.0", "weather", List.of(), null, null),
            List.of(),
            SyntheticSession.timeline().events(),
            mic.length);

    ReportSession session = ReportSession.ofRecording(fixture);

    assertThat(session.speakerSpans())
        .extracting(PlayedSpan::startMs)
        .containsExactly(3650.0, 9400.0);
    assertThat(session.speakerSpans())
        .extracting(s -> s.endMs(SyntheticSession.SPEAKER))
        .containsExactly(7580.0, 11000.0);
    assertThat(session.micPcm()).hasSize(mic.length);
    assertThat(session.description()).isEqualTo("weather");
    assertThat(session.measures().turns()).hasSize(2);
    assertThat(session.passed()).isTrue();
    assertThat(session.speed()).isEqualTo(1);
  }

  @Test
  void refusesASpeedThatIsNotPositive() {
    Timeline timeline = new Timeline(List.of());
    assertThatThrownBy(
            () ->
                new ReportSession(
                    "s",
                    "",
                    SyntheticSession.MIC,
                    new byte[0],
                    SyntheticSession.SPEAKER,
                    List.of(),
                    timeline,
                    SessionMeasures.of(timeline),
                    List.of(),
                    true,
                    0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("speed");
  }

  @Test
  void anEmptySessionStillRenders() {
    Timeline timeline = new Timeline(List.of());
    ReportSession empty =
        new ReportSession(
            "empty",
            null,
            SyntheticSession.MIC,
            null,
            SyntheticSession.SPEAKER,
            List.of(),
            timeline,
            SessionMeasures.of(timeline),
            List.of(),
            true,
            1);
    String page = HtmlReport.render("nothing", List.of(empty));
    assertThat(page)
        .contains("no mic audio", "the agent did not speak", "No user turns were answered.");
  }
}
