package dev.turntable.agent.audio.wav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.turntable.agent.audio.PcmFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavFileSourceTest {
  @TempDir Path dir;

  private Path clip(int frames) throws IOException {
    Path file = dir.resolve("clip.wav");
    WavFile.write(file, new WavAudio(PcmFormat.STT, WavFileTest.ramp(frames)));
    return file;
  }

  @Test
  void readsWholeBuffersThenTheRestThenEnds() throws IOException {
    try (WavFileSource source = new WavFileSource(clip(1_000), WavFileSource.UNPACED)) {
      byte[] buffer = new byte[640];
      List<Integer> counts = new ArrayList<>();
      ByteArrayOutputStream audio = new ByteArrayOutputStream();
      for (int n = source.read(buffer); n >= 0; n = source.read(buffer)) {
        counts.add(n);
        audio.write(buffer, 0, n);
      }

      assertThat(counts).containsExactly(640, 640, 640, 80);
      assertThat(audio.toByteArray()).isEqualTo(WavFileTest.ramp(1_000));
      assertThat(source.read(buffer)).isEqualTo(-1);
    }
  }

  @Test
  void trailingSilenceFollowsTheAudio() throws IOException {
    try (WavFileSource source =
        new WavFileSource(clip(100), PcmFormat.STT, WavFileSource.UNPACED, Duration.ofMillis(50))) {
      byte[] buffer = new byte[2_000];

      assertThat(source.read(buffer)).isEqualTo(200 + 1_600);
      assertThat(Arrays.copyOf(buffer, 200)).isEqualTo(WavFileTest.ramp(100));
      assertThat(Arrays.copyOfRange(buffer, 200, 1_800)).containsOnly(0);
      assertThat(source.read(buffer)).isEqualTo(-1);
    }
  }

  @Test
  void knowsTheDurationOfTheFile() throws IOException {
    try (WavFileSource source = new WavFileSource(clip(8_000), WavFileSource.UNPACED)) {
      assertThat(source.duration()).isEqualTo(Duration.ofMillis(500));
    }
  }

  @Test
  void readsNothingAfterClose() throws IOException {
    WavFileSource source = new WavFileSource(clip(1_000), WavFileSource.UNPACED);
    source.close();

    assertThat(source.read(new byte[64])).isEqualTo(-1);
  }

  @Test
  void refusesAFileInAnotherFormat() throws IOException {
    Path file = dir.resolve("tts.wav");
    WavFile.write(file, new WavAudio(new PcmFormat(24_000), new byte[10]));

    assertThatThrownBy(() -> new WavFileSource(file, WavFileSource.UNPACED))
        .isInstanceOf(WavFormatException.class).hasMessageContaining("tts.wav").hasMessageContaining("24000 Hz");
  }

  @Test
  void refusesSpeedsThatAreNotPositive() {
    assertThatThrownBy(() -> new WavFileSource(clip(10), 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("speed");
  }

  @Test
  void refusesBuffersThatSplitAFrame() throws IOException {
    try (WavFileSource source = new WavFileSource(clip(10), WavFileSource.UNPACED)) {
      assertThatThrownBy(() -> source.read(new byte[3])).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
