package dev.turntable.harness.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.audio.aec.EchoCancellation;
import dev.turntable.agent.audio.wav.WavAudio;
import dev.turntable.agent.audio.wav.WavFile;
import dev.turntable.harness.SharedResources;
import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.fixture.FixtureReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A fixture recorded without echo cancellation replays with it; that replay, recorded, is a fixture
 * with the raw and the cleaned mic whose cleaned mic the canceller reproduces exactly from the raw
 * one and the recorded reference, and which replays bit-exact: STT gets its mic.wav unchanged.
 * (Decisions are compared by the bundled-fixture replays; here only the audio is judged.)
 */
@Order(3)
@ResourceLock(value = SharedResources.CORE_1, mode = ResourceAccessMode.READ)
@ResourceLock(value = SharedResources.CORE_2, mode = ResourceAccessMode.READ)
class EchoCancelledReplayIT {
  private static final Path RAW_FIXTURE = Path.of("..", "fixtures", "backchannel-while-speaking");
  /** Real time: these checks are about audio, not speed, and a busy CI box must not change them. */
  private static final double SPEED = 1;

  @Test
  void aRawFixtureReplaysWithEchoCancellationAndItsRecordingReplaysBitExact(@TempDir Path temp)
      throws Exception {
    Fixture raw = FixtureReader.read(RAW_FIXTURE);
    assertThat(raw.micRawWav()).as("the bundled fixture was recorded without echo cancellation").isEmpty();

    Path cancelledDir = temp.resolve("cancelled");
    FixtureReplay.run(raw, SPEED, cancelledDir, true);

    Fixture cancelled = FixtureReader.read(cancelledDir);
    assertThat(cancelled.manifest().agent().echoCancellation()).isTrue();
    byte[] heard = cancelled.micRawWav().map(EchoCancelledReplayIT::pcm).orElseThrow();
    WavAudio reference = WavFile.read(cancelled.echoReferenceWav().orElseThrow());
    assertThat(heard).as("mic-raw.wav: what the microphone heard").isEqualTo(raw.micPcm());
    assertThat(loudSamples(reference.pcm())).as("samples of the reference that hold the agent's voice").isGreaterThan(8_000);
    assertThat(EchoCancellation.reprocess(heard, reference.pcm(), reference.format()))
        .as("the raw mic and the reference, run through the canceller again")
        .isEqualTo(cancelled.micPcm());

    Path replayedDir = temp.resolve("replayed");
    FixtureReplay.run(cancelled, SPEED, replayedDir, false);
    assertThat(FixtureReader.read(replayedDir).micPcm())
        .as("what STT got replaying the echo-cancelled fixture")
        .isEqualTo(cancelled.micPcm());
  }

  private static long loudSamples(byte[] pcm) {
    java.nio.ShortBuffer samples =
        java.nio.ByteBuffer.wrap(pcm).order(java.nio.ByteOrder.LITTLE_ENDIAN).asShortBuffer();
    long loud = 0;
    while (samples.hasRemaining()) {
      loud += Math.abs(samples.get()) > 500 ? 1 : 0;
    }
    return loud;
  }

  private static byte[] pcm(Path wav) {
    try {
      return WavFile.read(wav, PcmFormat.STT).pcm();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
