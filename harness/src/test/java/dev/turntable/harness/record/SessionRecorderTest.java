package dev.turntable.harness.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.agent.audio.AudioSink;
import dev.turntable.agent.audio.AudioSource;
import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.audio.wav.WavFile;
import dev.turntable.agent.conversation.AgentEvent;
import dev.turntable.agent.stt.SttWireTap;
import dev.turntable.agent.time.ManualClock;
import dev.turntable.harness.fixture.AgentEventLine;
import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.fixture.FixtureManifest;
import dev.turntable.harness.fixture.FixtureReader;
import dev.turntable.harness.fixture.Redactor;
import dev.turntable.harness.fixture.SttFrame;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionRecorderTest {
  @TempDir Path temp;
  private final ManualClock clock = new ManualClock();

  @Test
  void recordsTheSttWireWithWallAndAudioTime() throws IOException {
    SessionRecorder recorder = start();
    SttWireTap tap = recorder.sttTap();

    clock.advanceMillis(5);
    tap.connected("wss://streaming.assemblyai.com/v3/ws?speech_model=u3-rt-pro");
    clock.advanceMillis(40);
    tap.received("{\"type\":\"Begin\",\"id\":\"s1\",\"expires_at\":1}");
    tap.sentAudio(new byte[1600]);
    clock.advanceMillis(50);
    tap.sentAudio(new byte[3200]);
    tap.sentText("{\"type\":\"ForceEndpoint\"}");
    clock.advanceMillis(10);
    tap.received(
        "{\"type\":\"Termination\",\"audio_duration_seconds\":0,\"session_duration_seconds\":0}");
    tap.closed(1000, "", true);
    recorder.close();

    assertThat(FixtureReader.read(recorder.dir()).sttFrames())
        .extracting(SttFrame::tMs, SttFrame::audioMs, SttFrame::dir, SttFrame::type)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0.0, 0L, SttFrame.Direction.IN, "Connect"),
            org.assertj.core.groups.Tuple.tuple(40.0, 0L, SttFrame.Direction.OUT, "Begin"),
            org.assertj.core.groups.Tuple.tuple(40.0, 50L, SttFrame.Direction.IN, "Audio"),
            org.assertj.core.groups.Tuple.tuple(90.0, 150L, SttFrame.Direction.IN, "Audio"),
            org.assertj.core.groups.Tuple.tuple(90.0, 150L, SttFrame.Direction.IN, "ForceEndpoint"),
            org.assertj.core.groups.Tuple.tuple(100.0, 150L, SttFrame.Direction.OUT, "Termination"),
            org.assertj.core.groups.Tuple.tuple(100.0, 150L, SttFrame.Direction.OUT, "Close"));
  }

  @Test
  void agentEventsCarryTheAudioSentToSttSoFar() throws IOException {
    SessionRecorder recorder = start();
    AgentEvent before = new AgentEvent.LlmRequestSent(1_000_000, 1);
    AgentEvent after = new AgentEvent.LlmFirstToken(2_000_000, 1);

    recorder.agentListener().onEvent(before);
    recorder.sttTap().sentAudio(new byte[3200]);
    recorder.agentListener().onEvent(after);
    recorder.close();

    assertThat(FixtureReader.read(recorder.dir()).agentEvents())
        .containsExactly(new AgentEventLine(0, before), new AgentEventLine(100, after));
  }

  @Test
  void micWavHoldsExactlyWhatWasRead() throws IOException {
    SessionRecorder recorder = start();
    byte[] spoken = randomPcm(5000);
    AudioSource mic = recorder.wrap(new FakeMicrophone(spoken));

    byte[] buffer = new byte[1600];
    int n;
    while ((n = mic.read(buffer)) > 0) {
      recorder.sttTap().sentAudio(Arrays.copyOf(buffer, n));
    }
    recorder.close();

    Fixture fixture = FixtureReader.read(recorder.dir());
    assertThat(fixture.micPcm()).isEqualTo(spoken);
  }

  @Test
  void speakerWavHoldsOnlyWhatWasPlayed() throws IOException {
    SessionRecorder recorder = start();
    PcmFormat tts = new PcmFormat(24_000);
    FakeSpeaker device = new FakeSpeaker(tts);
    AudioSink speaker = recorder.wrap(device);
    speaker.setListener(e -> {});
    byte[] first = randomPcm(4_800);
    byte[] second = randomPcm(4_802);
    byte[] third = randomPcm(2_000);

    speaker.play(first);
    speaker.play(second);
    device.playFrames(3_000); // all of the first reply, 600 frames of the second
    speaker.stop(); // a barge-in: the rest of the second is never heard
    speaker.play(third);
    device.playFrames(1_000);
    recorder.close();

    byte[] expected = concat(first, Arrays.copyOf(second, 1_200), third);
    var played = WavFile.read(FixtureReader.read(recorder.dir()).speakerWav().orElseThrow());
    assertThat(played.format()).isEqualTo(tts);
    assertThat(played.pcm()).isEqualTo(expected);
  }

  @Test
  void closingTwiceIsHarmless() throws IOException {
    SessionRecorder recorder = start();
    recorder.close();
    recorder.close();
    assertThat(FixtureReader.read(recorder.dir()).sttFrames()).isEmpty();
  }

  @Test
  void whatTheSessionDoesAfterTheRecordingEndedIsLeftOutQuietly() throws IOException {
    SessionRecorder recorder = start();
    recorder.agentListener().onEvent(new AgentEvent.LlmRequestSent(1_000_000, 1));
    recorder.close();

    recorder.agentListener().onEvent(new AgentEvent.LlmFirstToken(2_000_000, 1));
    recorder.sttTap().received("{\"type\":\"Termination\"}");

    assertThat(FixtureReader.read(recorder.dir()).agentEvents())
        .extracting(AgentEventLine::event)
        .containsExactly(new AgentEvent.LlmRequestSent(1_000_000, 1));
  }

  private SessionRecorder start() throws IOException {
    return SessionRecorder.start(
        temp.resolve("session"),
        FixtureManifest.v1("test", "recorder", List.of(), null, null),
        clock,
        Redactor.none());
  }

  static byte[] randomPcm(int length) {
    byte[] pcm = new byte[length];
    new Random(length).nextBytes(pcm);
    return pcm;
  }

  static byte[] concat(byte[]... parts) {
    int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }
}
