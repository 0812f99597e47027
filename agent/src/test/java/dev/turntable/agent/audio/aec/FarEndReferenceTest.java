package dev.turntable.agent.audio.aec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.agent.audio.PcmFormat;
import org.junit.jupiter.api.Test;

class FarEndReferenceTest {
  private final FarEndReference reference = new FarEndReference(PcmFormat.STT);
  private final byte[] frame = new byte[320];

  @Test
  void givesWhatWasPlayedInOrderThenSilence() {
    byte[] first = filled(400, (byte) 1);
    byte[] second = filled(240, (byte) 2);
    reference.add(first);
    reference.add(second);

    reference.next(frame);
    assertThat(frame).containsOnly((byte) 1);
    reference.next(frame);
    assertThat(slice(frame, 0, 80)).containsOnly((byte) 1);
    assertThat(slice(frame, 80, 320)).containsOnly((byte) 2);
    reference.next(frame);
    assertThat(frame).containsOnly((byte) 0);
  }

  @Test
  void keepsASampleSplitAcrossChunksWhole() {
    reference.add(new byte[] {1, 2, 3});
    reference.add(new byte[] {4});
    reference.next(frame);
    assertThat(slice(frame, 0, 4)).containsExactly(1, 2, 3, 4);
    assertThat(slice(frame, 4, 320)).containsOnly((byte) 0);
  }

  @Test
  void aStretchSitsWhereTheSpeakerStartedItAndLateAudioIsSkippedNotShifted() {
    long[] nanos = {0};
    long[] played = {0};
    FarEndReference timed = new FarEndReference(PcmFormat.STT, () -> nanos[0]);
    timed.followPlayback(() -> played[0]);
    nanos[0] = ms(50);
    read(timed, 5); // timeline 0-50 ms, heard at 50 ms
    nanos[0] = ms(60);
    timed.add(ramp(1_600)); // handed to the idle speaker at 60 ms: it starts there
    int at = 60;

    nanos[0] = ms(100);
    played[0] = 500; // 31.25 ms played so far
    short[][] second = read(timed, 5); // 50-100 ms
    nanos[0] = ms(150);
    played[0] = 1_600;
    short[][] third = read(timed, 5); // 100-150 ms

    short[][] frames = {second[0], second[1], second[2], second[3], second[4],
        third[0], third[1], third[2], third[3], third[4]};
    for (int i = 0; i < frames.length; i++) {
      int frameStartMs = 50 + 10 * i;
      for (int s = 0; s < 160; s++) {
        int sample = (frameStartMs - at) * 16 + s; // the ramp's sample due here
        boolean playedInTime = sample >= 0 && (sample < 500 || frameStartMs >= 100);
        assertThat(frames[i][s]).as("sample %d of the frame at %d ms", s, frameStartMs)
            .isEqualTo((short) (playedInTime && sample < 1_600 ? sample : 0));
      }
    }
  }

  @Test
  void audioHandedOverRightAfterTheLastStretchContinuesItAndAfterAPauseStartsAnew() {
    long[] nanos = {ms(50)};
    long[] played = {0};
    FarEndReference timed = new FarEndReference(PcmFormat.STT, () -> nanos[0]);
    timed.followPlayback(() -> played[0]);
    read(timed, 5);
    timed.add(filled(320, (byte) 1)); // 10 ms, handed over at 50 ms
    played[0] += 160;
    nanos[0] = ms(65);
    timed.add(filled(320, (byte) 2)); // within 20 ms of the last one's end (60 ms): continues it
    played[0] += 160;
    nanos[0] = ms(100);
    short[][] first = read(timed, 5);
    assertThat(first[0]).containsOnly((short) 0x0101);
    assertThat(first[1]).containsOnly((short) 0x0202);
    assertThat(first[2]).containsOnly((short) 0);
    timed.add(filled(320, (byte) 3)); // at 100 ms, after a pause: there, not at 70 ms
    played[0] += 160;
    nanos[0] = ms(150);
    short[][] second = read(timed, 5);
    assertThat(second[0]).containsOnly((short) 0x0303);
    assertThat(second[1]).containsOnly((short) 0);
  }

  private static long ms(long millis) {
    return millis * 1_000_000;
  }

  /** One microphone read of {@code frames} 10 ms frames: announced, then taken frame by frame. */
  private static short[][] read(FarEndReference reference, int frames) {
    reference.heard(frames);
    short[][] out = new short[frames][];
    byte[] frame = new byte[320];
    for (int i = 0; i < frames; i++) {
      reference.next(frame);
      out[i] = new short[160];
      java.nio.ByteBuffer.wrap(frame).order(java.nio.ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(out[i]);
    }
    return out;
  }

  /** Samples 0, 1, 2, ...: each tells where it came from. */
  private static byte[] ramp(int samples) {
    java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(2 * samples).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < samples; i++) {
      bytes.putShort((short) i);
    }
    return bytes.array();
  }

  @Test
  void flushDropsWhatTheSpeakerWillNeverPlay() {
    long[] played = {0};
    reference.followPlayback(() -> played[0]);
    reference.add(filled(3200, (byte) 7));
    played[0] = 160;
    reference.flush();
    played[0] = 1_600; // the position runs on a little while the line closes
    reference.next(frame);
    assertThat(frame).as("what played before the stop").containsOnly((byte) 7);
    reference.next(frame);
    assertThat(frame).containsOnly((byte) 0);
    assertThat(reference.queuedBytes()).isZero();
  }

  @Test
  void aSpeakerAt24kHzGivesFramesOf240Samples() {
    assertThat(new FarEndReference(new PcmFormat(24_000)).frameBytes()).isEqualTo(480);
  }

  private static byte[] filled(int length, byte value) {
    byte[] bytes = new byte[length];
    java.util.Arrays.fill(bytes, value);
    return bytes;
  }

  private static byte[] slice(byte[] bytes, int from, int to) {
    return java.util.Arrays.copyOfRange(bytes, from, to);
  }
}
