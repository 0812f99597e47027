package dev.turntable.agent.audio.wav;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.agent.time.ManualClock;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacerTest {
  private static final int BYTES_PER_SECOND = 32_000;
  private final ManualClock clock = new ManualClock();
  private final List<Long> sleeps = new ArrayList<>();

  private Pacer pacer(double speed) {
    return new Pacer(speed, BYTES_PER_SECOND, clock, nanos -> {
      sleeps.add(nanos);
      clock.advance(java.time.Duration.ofNanos(nanos));
      return false;
    });
  }

  @Test
  void releasesEachBufferWhenItsAudioWouldHaveBeenSpoken() throws IOException {
    Pacer pacer = pacer(1.0);
    pacer.startIfNeeded();

    assertThat(pacer.awaitDue(3_200)).isTrue(); // 100 ms of audio
    clock.advanceMillis(30); // the caller took 30 ms to handle it
    assertThat(pacer.awaitDue(6_400)).isTrue();

    assertThat(sleeps).containsExactly(100_000_000L, 70_000_000L);
  }

  @Test
  void runsSpeedTimesFaster() throws IOException {
    Pacer pacer = pacer(4.0);
    pacer.startIfNeeded();

    pacer.awaitDue(32_000); // one second of audio

    assertThat(sleeps).containsExactly(250_000_000L);
  }

  @Test
  void doesNotWaitForAudioThatIsAlreadyLate() throws IOException {
    Pacer pacer = pacer(1.0);
    pacer.startIfNeeded();
    clock.advanceMillis(500);

    assertThat(pacer.awaitDue(3_200)).isTrue();
    assertThat(sleeps).isEmpty();
  }

  @Test
  void unpacedNeverWaits() throws IOException {
    Pacer pacer = pacer(Double.POSITIVE_INFINITY);

    assertThat(pacer.awaitDue(1_000_000)).isTrue();
    assertThat(sleeps).isEmpty();
  }

  @Test
  void aCloseDuringTheWaitEndsIt() throws IOException {
    Pacer pacer = new Pacer(1.0, BYTES_PER_SECOND, clock, nanos -> true);
    pacer.startIfNeeded();

    assertThat(pacer.awaitDue(3_200)).isFalse();
  }
}
