package dev.turntable.harness.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.audio.PlaybackEvent;
import dev.turntable.agent.time.ManualClock;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CapturingSpeakerTest {
  private static final PcmFormat FORMAT = new PcmFormat(16_000);
  private final ManualClock clock = new ManualClock();
  private final LinkedBlockingQueue<PlaybackEvent> events = new LinkedBlockingQueue<>();
  private final CapturingSpeaker speaker = new CapturingSpeaker(FORMAT, clock, 1.0);

  {
    speaker.setListener(events::add);
  }

  @AfterEach
  void close() {
    speaker.close();
  }

  private PlaybackEvent next() throws InterruptedException {
    PlaybackEvent event = events.poll(5, TimeUnit.SECONDS);
    assertThat(event).as("timed out waiting for a playback event").isNotNull();
    return event;
  }

  @Test
  void playsAtTheSampleRateOfTheClockAndDrainsAtTheExactEnd() throws Exception {
    speaker.play(new byte[3200]); // 100 ms
    assertThat(next()).isEqualTo(new PlaybackEvent.Started(0));
    clock.advanceMillis(40);
    assertThat(speaker.framesPlayed()).isEqualTo(640);
    clock.advanceMillis(60);
    assertThat(next()).isEqualTo(new PlaybackEvent.Drained(1600));
    assertThat(speaker.spans()).singleElement().satisfies(s -> {
      assertThat(s.startMs()).isEqualTo(0);
      assertThat(s.pcm()).hasSize(3200);
    });
  }

  @Test
  void stopKeepsOnlyWhatWasHeard() throws Exception {
    clock.advanceMillis(1000);
    speaker.play(new byte[32000]); // 1 s
    next();
    clock.advanceMillis(250);
    speaker.stop();
    assertThat(next()).isEqualTo(new PlaybackEvent.Stopped(4000));
    clock.advanceMillis(2000);
    assertThat(speaker.framesPlayed()).isEqualTo(4000);
    assertThat(speaker.spans()).singleElement().satisfies(s -> {
      assertThat(s.startMs()).isEqualTo(1000);
      assertThat(s.pcm()).hasSize(8000);
    });
  }

  @Test
  void aLatePlayAfterTheBurstRanOutStartsANewBurst() throws Exception {
    speaker.play(new byte[1600]); // 50 ms
    next();
    clock.advanceMillis(500);
    speaker.play(new byte[1600]);
    assertThat(next()).isEqualTo(new PlaybackEvent.Drained(800));
    assertThat(next()).isEqualTo(new PlaybackEvent.Started(800));
    assertThat(speaker.spans()).extracting(CapturingSpeaker.PlayedSpan::startMs).containsExactly(0.0);
  }
}
