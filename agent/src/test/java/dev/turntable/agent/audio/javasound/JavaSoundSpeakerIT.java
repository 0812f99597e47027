package dev.turntable.agent.audio.javasound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.audio.PlaybackEvent;
import dev.turntable.agent.audio.PlaybackEvent.Drained;
import dev.turntable.agent.audio.PlaybackEvent.Started;
import dev.turntable.agent.audio.PlaybackEvent.Stopped;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Plays through the virtual speaker and listens on its monitor (needs .ci/virtual-audio.sh). */
class JavaSoundSpeakerIT {
  private static final int LOUD = 500;
  private final BlockingQueue<PlaybackEvent> events = new LinkedBlockingQueue<>();

  private <T extends PlaybackEvent> T next(Class<T> type) throws InterruptedException {
    PlaybackEvent event = events.poll(5, TimeUnit.SECONDS);
    assertThat(event).as("timed out waiting for %s", type.getSimpleName()).isNotNull();
    assertThat(event).as("expected %s", type.getSimpleName()).isInstanceOf(type);
    return type.cast(event);
  }

  private static PcmCapture listen() throws Exception {
    PcmCapture capture = Pulse.parec("vspeaker.monitor");
    capture.awaitMore(Duration.ofMillis(20)); // the monitor is flowing: nothing we play is missed
    return capture;
  }

  @Test
  void aToneComesOutWholeAndDrainedFiresWhenItHasPlayed() throws Exception {
    AudioAvailability.requireVirtualAudio();
    byte[] tone = Signals.tone(440, 500, 8_000);
    byte[] heard;
    try (PcmCapture capture = listen(); JavaSoundSpeaker speaker = JavaSoundSpeaker.open(PcmFormat.STT)) {
      speaker.setListener(events::add);
      for (int offset = 0; offset < tone.length; offset += 3_200) { // 100 ms chunks, as a TTS streams
        speaker.play(Arrays.copyOfRange(tone, offset, offset + 3_200));
      }

      assertThat(next(Started.class).framesPlayed()).isPositive();
      assertThat(next(Drained.class).framesPlayed()).isEqualTo(8_000);
      assertThat(speaker.framesPlayed()).isEqualTo(8_000);
      capture.awaitMore(Duration.ofMillis(300));
      heard = capture.stop();
    }

    Signals.Match match = Signals.find(heard, tone);
    System.out.printf("speaker: tone heard at frame %d, %s%n", match.offsetFrames(),
        match.exact() ? "bit-exact" : "correlation " + match.correlation());
    assertThat(match.correlation()).as("the tone as heard on vspeaker.monitor").isGreaterThan(0.99);
    assertThat(Signals.loudSpanFrames(heard, LOUD)).isBetween(8_000 - 80, 8_000 + 80);
  }

  @Test
  void stopSilencesTheSpeakerAndFramesPlayedCountsOnlyWhatWasHeard() throws Exception {
    AudioAvailability.requireVirtualAudio();
    byte[] long3s = Signals.tone(300, 3_000, 8_000);
    byte[] short250ms = Signals.tone(600, 250, 8_000);
    byte[] heard;
    long stoppedAt;
    try (PcmCapture capture = listen(); JavaSoundSpeaker speaker = JavaSoundSpeaker.open(PcmFormat.STT)) {
      speaker.setListener(events::add);
      speaker.play(long3s);
      next(Started.class);
      capture.awaitMore(Duration.ofMillis(400));

      long stopCalled = System.nanoTime();
      speaker.stop();
      Stopped stopped = next(Stopped.class);
      long stopMicros = (System.nanoTime() - stopCalled) / 1_000;
      stoppedAt = stopped.framesPlayed();
      assertThat(stoppedAt).isBetween(4_000L, 40_000L);

      capture.awaitMore(Duration.ofMillis(300));
      assertThat(speaker.framesPlayed()).as("frames played 300 ms after Stopped").isEqualTo(stoppedAt);

      speaker.play(short250ms);
      assertThat(next(Started.class).framesPlayed()).isGreaterThan(stoppedAt);
      assertThat(next(Drained.class).framesPlayed()).isEqualTo(stoppedAt + 4_000);
      capture.awaitMore(Duration.ofMillis(300));
      heard = capture.stop();
      System.out.printf("stop(): Stopped after %d us, at %d frames played%n", stopMicros, stoppedAt);
    }

    byte[] firstPart = Arrays.copyOf(heard, heard.length - 2 * (4_000 + 300 * 16 + 2_000));
    assertThat(Signals.loudSpanFrames(firstPart, LOUD)).as("frames heard of the stopped tone")
        .isBetween((int) stoppedAt - 800, (int) stoppedAt + 800);
    assertThat(Signals.find(heard, short250ms).correlation()).as("the tone played after stop").isGreaterThan(0.99);
  }
}
