package dev.turntable.agent.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A paused reply goes on from the exact frame where it stopped, across chunk boundaries. */
class ReplyAudioTest {
  /** Chunks of 3, 5 and 2 frames; frame i holds the bytes (i, i). */
  private static ReplyAudio numbered() {
    ReplyAudio audio = new ReplyAudio();
    int frame = 0;
    for (int frames : new int[] {3, 5, 2}) {
      byte[] chunk = new byte[frames * 2];
      for (int i = 0; i < frames; i++, frame++) {
        chunk[2 * i] = (byte) frame;
        chunk[2 * i + 1] = (byte) frame;
      }
      audio.add(chunk);
    }
    return audio;
  }

  @ParameterizedTest(name = "from frame {0}: {1} frames, first {2}")
  @CsvSource({"0, 10, 0", "2, 8, 2", "3, 7, 3", "7, 3, 7", "10, 0, -1", "12, 0, -1"})
  void goesOnFromTheFrameWhereItStopped(long from, int frames, int first) {
    byte[] rest = numbered().from(from);
    assertThat(rest).hasSize(frames * 2);
    if (frames > 0) {
      assertThat(rest[0]).isEqualTo((byte) first);
      assertThat(rest[rest.length - 1]).isEqualTo((byte) 9);
    }
  }
}
