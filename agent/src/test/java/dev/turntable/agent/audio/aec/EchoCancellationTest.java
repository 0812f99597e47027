package dev.turntable.agent.audio.aec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.turntable.agent.audio.AudioSink;
import dev.turntable.agent.audio.AudioSource;
import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.audio.PlaybackListener;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EchoCancellationTest {
  private static final int READ_BYTES = 1_600; // the agent reads 50 ms

  private final ByteArrayOutputStream tapRaw = new ByteArrayOutputStream();
  private final ByteArrayOutputStream tapFar = new ByteArrayOutputStream();
  private final ByteArrayOutputStream tapCleaned = new ByteArrayOutputStream();
  private final EchoTap tap = (raw, far, cleaned, n) -> {
    tapRaw.write(raw, 0, n);
    tapFar.writeBytes(far);
    tapCleaned.write(cleaned, 0, n);
  };

  @Test
  void theMicrophoneNoLongerHearsWhatTheSpeakerPlays() throws Exception {
    short[] agent = TestSignals.babble(3, 6_000, 9_000);
    short[] heard = TestSignals.echo(agent, 80, 0.3);
    byte[] cleaned;
    try (EchoCancellation aec = EchoCancellation.open(PcmFormat.STT, PcmFormat.STT, tap)) {
      RecordingSink sink = new RecordingSink();
      AudioSink speaker = aec.speaker(sink);
      AudioSource mic = aec.microphone(new ArraySource(TestSignals.bytes(heard), sink));
      speaker.play(TestSignals.bytes(agent)); // handed over at once, as TTS does; played in real time
      cleaned = readAll(mic);
      assertThat(sink.played).hasSize(1);
    }
    short[] out = TestSignals.samples(cleaned);
    int from = 2 * TestSignals.RATE;
    double erle = TestSignals.levelDb(heard, from, heard.length) - TestSignals.levelDb(out, from, out.length);
    assertThat(erle).as("echo return loss enhancement, dB").isGreaterThan(15);
  }

  @Test
  void aRecordingOfRawAndReferenceReproducesTheCleanedAudioExactly() throws Exception {
    short[] agent = TestSignals.babble(4, 3_000, 9_000);
    short[] user = TestSignals.babble(5, 3_000, 5_000);
    short[] heard = TestSignals.mix(TestSignals.echo(agent, 70, 0.3), TestSignals.echo(user, 1_800, 1));
    byte[] micBytes = Arrays.copyOf(TestSignals.bytes(heard), 3_000 * 32 - 100); // a short last read
    try (EchoCancellation aec = EchoCancellation.open(PcmFormat.STT, PcmFormat.STT, tap)) {
      RecordingSink sink = new RecordingSink();
      AudioSink speaker = aec.speaker(sink);
      AudioSource mic = aec.microphone(new ArraySource(micBytes, sink));
      speaker.play(Arrays.copyOf(TestSignals.bytes(agent), 20_001)); // ends mid-sample
      readAll(mic);
      speaker.stop();
      speaker.play(TestSignals.bytes(agent));
      readAll(mic);
    }
    assertThat(tapRaw.toByteArray()).isEqualTo(micBytes);
    assertThat(tapCleaned.toByteArray()).isNotEqualTo(micBytes);
    assertThat(EchoCancellation.reprocess(tapRaw.toByteArray(), tapFar.toByteArray(), PcmFormat.STT))
        .isEqualTo(tapCleaned.toByteArray());
  }

  @Test
  void aReplyAfterAPauseGetsAFreshCancellerAndTheRecordingStillReproducesItExactly() throws Exception {
    short[] first = TestSignals.babble(9, 1_500, 9_000);
    short[] pause = new short[16 * (WebRtcEchoCanceller.FRESH_AFTER_SILENCE_MS + 200)];
    short[] second = TestSignals.babble(10, 1_500, 9_000);
    short[] agent = new short[first.length + pause.length + second.length];
    System.arraycopy(first, 0, agent, 0, first.length);
    System.arraycopy(second, 0, agent, first.length + pause.length, second.length);
    byte[] micBytes = TestSignals.bytes(TestSignals.echo(agent, 60, 0.3));
    try (EchoCancellation aec = EchoCancellation.open(PcmFormat.STT, PcmFormat.STT, tap)) {
      RecordingSink sink = new RecordingSink();
      AudioSink speaker = aec.speaker(sink);
      AudioSource mic = aec.microphone(new ArraySource(micBytes, sink));
      speaker.play(TestSignals.bytes(agent));
      readAll(mic);
    }
    assertThat(EchoCancellation.reprocess(tapRaw.toByteArray(), tapFar.toByteArray(), PcmFormat.STT))
        .isEqualTo(tapCleaned.toByteArray());
    short[] out = TestSignals.samples(tapCleaned.toByteArray());
    short[] heard = TestSignals.samples(micBytes);
    int secondFrom = first.length + pause.length;
    assertThat(TestSignals.levelDb(heard, secondFrom, heard.length) - TestSignals.levelDb(out, secondFrom, out.length))
        .as("echo return loss enhancement over the reply after the pause, dB").isGreaterThan(15);
  }

  @Test
  void theReferenceStopsWhenTheSpeakerIsStopped() throws Exception {
    try (EchoCancellation aec = EchoCancellation.open(PcmFormat.STT, PcmFormat.STT, tap)) {
      RecordingSink sink = new RecordingSink();
      AudioSink speaker = aec.speaker(sink);
      AudioSource mic = aec.microphone(new ArraySource(new byte[READ_BYTES * 4], sink));
      speaker.play(TestSignals.bytes(TestSignals.babble(6, 1_000, 9_000)));
      mic.read(new byte[READ_BYTES]);
      mic.read(new byte[READ_BYTES]);
      speaker.stop();
      sink.framesPlayed += 10_000; // whatever the device says later, nothing more was heard
      mic.read(new byte[READ_BYTES]);
      mic.read(new byte[READ_BYTES]);
    }
    byte[] far = tapFar.toByteArray();
    assertThat(loud(Arrays.copyOfRange(far, READ_BYTES, 2 * READ_BYTES))).as("playing").isPositive();
    // What had played before the stop is still referenced (it was heard),
    // then nothing: the rest of the reply never played.
    assertThat(loud(Arrays.copyOfRange(far, 3 * READ_BYTES, 4 * READ_BYTES))).as("after the stop").isZero();
  }

  private static long loud(byte[] pcm) {
    short[] samples = TestSignals.samples(pcm);
    long count = 0;
    for (short sample : samples) {
      count += Math.abs(sample) > 100 ? 1 : 0;
    }
    return count;
  }

  @Test
  void refusesASpeakerOfAnotherRate() throws Exception {
    try (EchoCancellation aec = EchoCancellation.open(PcmFormat.STT, new PcmFormat(24_000), tap)) {
      assertThatThrownBy(() -> aec.speaker(new RecordingSink()))
          .hasMessageContaining("24000").hasMessageContaining("16000");
    }
  }

  @Test
  void aRateThatDoesNotSplitIntoTenMillisecondFramesIsExplained() {
    assertThatThrownBy(() -> EchoCancellation.open(PcmFormat.STT, new PcmFormat(22_050), tap))
        .isInstanceOf(EchoCancellerUnavailableException.class)
        .hasMessageContaining("22050 Hz");
  }

  private static byte[] readAll(AudioSource mic) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[READ_BYTES];
    int n;
    while ((n = mic.read(buffer)) > 0) {
      out.write(buffer, 0, n);
      if (n < buffer.length) {
        break;
      }
    }
    return out.toByteArray();
  }

  /**
   * A microphone that hears a fixed recording, as fast as it is read; the speaker plays in step
   * with it, as real devices share one clock.
   */
  private static final class ArraySource implements AudioSource {
    private final byte[] pcm;
    private final RecordingSink speaker;
    private int position;

    ArraySource(byte[] pcm, RecordingSink speaker) {
      this.pcm = pcm;
      this.speaker = speaker;
    }

    @Override
    public PcmFormat format() {
      return PcmFormat.STT;
    }

    @Override
    public int read(byte[] buffer) {
      if (position >= pcm.length) {
        return -1;
      }
      int n = Math.min(buffer.length, pcm.length - position);
      System.arraycopy(pcm, position, buffer, 0, n);
      position += n;
      speaker.framesPlayed += n / 2;
      return n;
    }

    @Override
    public void close() {}
  }

  private static final class RecordingSink implements AudioSink {
    final List<byte[]> played = new ArrayList<>();
    long framesPlayed;

    @Override
    public PcmFormat format() {
      return PcmFormat.STT;
    }

    @Override
    public void setListener(PlaybackListener listener) {}

    @Override
    public void play(byte[] pcm) {
      played.add(pcm);
    }

    @Override
    public void stop() {}

    @Override
    public long framesPlayed() {
      return framesPlayed;
    }

    @Override
    public void close() {}
  }
}
