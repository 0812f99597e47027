package dev.turntable.agent.audio.javasound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.time.ManualClock;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class JavaSoundMicrophoneTest {
  private final ManualClock clock = new ManualClock();

  private JavaSoundMicrophone microphone(java.util.function.IntUnaryOperator bytesPerRead, Runnable onRead) {
    return new JavaSoundMicrophone(PcmFormat.STT, FakeLines.microphone(bytesPerRead, onRead), clock,
        Duration.ofMillis(500));
  }

  @Test
  void fillsTheWholeBufferFromShortReads() throws IOException {
    AtomicInteger calls = new AtomicInteger();
    JavaSoundMicrophone mic = microphone(asked -> Math.min(asked, 100), calls::incrementAndGet);

    assertThat(mic.read(new byte[640])).isEqualTo(640);
    assertThat(calls).hasValue(7);
  }

  @Test
  void aLineThatKeepsDeliveringNothingIsALostDevice() {
    JavaSoundMicrophone mic = microphone(asked -> 0, () -> clock.advanceMillis(10));

    assertThatThrownBy(() -> mic.read(new byte[640])).isInstanceOf(IOException.class)
        .hasMessageStartingWith("microphone device lost").hasMessageContaining("no audio for");
  }

  @Test
  void briefGapsAreNotALoss() throws IOException {
    AtomicInteger calls = new AtomicInteger();
    JavaSoundMicrophone mic = microphone(asked -> calls.get() % 20 == 0 ? asked : 0, () -> {
      calls.incrementAndGet();
      clock.advanceMillis(10); // 190 ms of nothing between pieces of audio
    });

    assertThat(mic.read(new byte[640])).isEqualTo(640);
  }

  @Test
  void closeFromAnotherThreadEndsTheReadWithMinusOne() throws IOException {
    AtomicReference<JavaSoundMicrophone> mic = new AtomicReference<>();
    mic.set(microphone(asked -> 0, () -> mic.get().close()));

    assertThat(mic.get().read(new byte[640])).isEqualTo(-1);
    assertThat(mic.get().read(new byte[640])).isEqualTo(-1);
  }

  @Test
  void whatWasReadBeforeACloseIsReturned() throws IOException {
    AtomicReference<JavaSoundMicrophone> mic = new AtomicReference<>();
    AtomicInteger calls = new AtomicInteger();
    mic.set(microphone(asked -> calls.get() == 1 ? 100 : 0, () -> {
      if (calls.incrementAndGet() == 2) {
        mic.get().close();
      }
    }));

    assertThat(mic.get().read(new byte[640])).isEqualTo(100);
    assertThat(mic.get().read(new byte[640])).isEqualTo(-1);
  }

  @Test
  void refusesBuffersThatSplitAFrame() {
    JavaSoundMicrophone mic = microphone(asked -> asked, () -> {});

    assertThatThrownBy(() -> mic.read(new byte[641])).isInstanceOf(IllegalArgumentException.class);
  }
}
