package dev.turntable.agent.audio.javasound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.audio.wav.WavAudio;
import dev.turntable.agent.audio.wav.WavFile;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plays a WAV into the virtual microphone and captures it with Java Sound (needs .ci/virtual-audio.sh). */
class JavaSoundMicrophoneIT {
  @TempDir Path dir;

  @Test
  void capturesWhatIsPlayedIntoTheMicrophone() throws Exception {
    AudioAvailability.requireVirtualAudio();
    byte[] clip = Signals.noise(42, 800, 12_000);
    Path wav = dir.resolve("noise.wav");
    WavFile.write(wav, new WavAudio(PcmFormat.STT, clip));
    byte[] captured;

    JavaSoundMicrophone mic = JavaSoundMicrophone.open(null, PcmFormat.STT, JavaSoundMicrophone.DEFAULT_BUFFER);
    try (PcmCapture capture = new PcmCapture(mic::read, "microphone", mic::close)) {
      capture.awaitMore(Duration.ofMillis(20)); // the line is delivering: the clip's start is not lost
      Pulse.paplay("vmic", wav);
      capture.awaitMore(Duration.ofMillis(300));
      captured = capture.stop();
    }

    Signals.Match match = Signals.find(captured, clip);
    assertThat(match.correlation()).as("the clip as captured by the microphone").isGreaterThan(0.99);
    System.out.printf("microphone capture: clip found at frame %d, %s%n", match.offsetFrames(),
        match.exact() ? "bit-exact" : "correlation " + match.correlation());
  }

  @Test
  void readEndsWithMinusOneOnceClosed() throws Exception {
    AudioAvailability.requireVirtualAudio();
    JavaSoundMicrophone mic = JavaSoundMicrophone.open();
    byte[] buffer = new byte[640];
    assertThat(mic.read(buffer)).isEqualTo(640);

    mic.close();

    assertThat(mic.read(buffer)).isEqualTo(-1);
  }
}
