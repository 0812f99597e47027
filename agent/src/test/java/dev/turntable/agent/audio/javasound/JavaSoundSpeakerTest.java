package dev.turntable.agent.audio.javasound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.audio.PlaybackEvent;
import dev.turntable.agent.audio.PlaybackEvent.DeviceLost;
import dev.turntable.agent.audio.PlaybackEvent.Drained;
import dev.turntable.agent.audio.PlaybackEvent.Started;
import dev.turntable.agent.audio.PlaybackEvent.Stopped;
import dev.turntable.agent.time.Clock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JavaSoundSpeakerTest {
  private static final int BUFFER_BYTES = 3_200;
  private final List<FakeLines.Speaker> lines = new ArrayList<>();
  private final BlockingQueue<PlaybackEvent> events = new LinkedBlockingQueue<>();
  private int framesPerRead = 160;
  private JavaSoundSpeaker speaker;

  private JavaSoundSpeaker open(Duration stallLimit) throws IOException {
    speaker = new JavaSoundSpeaker(PcmFormat.STT, () -> {
      FakeLines.Speaker line = new FakeLines.Speaker(BUFFER_BYTES, framesPerRead);
      lines.add(line);
      return line.line();
    }, Clock.system(), stallLimit);
    speaker.setListener(events::add);
    return speaker;
  }

  @AfterEach
  void closeSpeaker() {
    if (speaker != null) {
      speaker.close();
    }
  }

  private <T extends PlaybackEvent> T next(Class<T> type) throws InterruptedException {
    PlaybackEvent event = events.poll(5, TimeUnit.SECONDS);
    assertThat(event).as("timed out waiting for %s", type.getSimpleName()).isNotNull();
    assertThat(event).isInstanceOf(type);
    return type.cast(event);
  }

  @Test
  void playsTheQueuedStreamInOrderThenReportsStartedAndDrained() throws Exception {
    open(Duration.ofSeconds(5));
    ByteArrayOutputStream sent = new ByteArrayOutputStream();
    for (int chunk = 0; chunk < 5; chunk++) {
      byte[] pcm = new byte[2_001]; // odd on purpose: a sample split across chunks
      java.util.Arrays.fill(pcm, (byte) chunk);
      sent.write(pcm);
      speaker.play(pcm);
    }
    speaker.play(new byte[] {9}); // completes the last frame

    assertThat(next(Started.class).framesPlayed()).isPositive();
    assertThat(next(Drained.class).framesPlayed()).isEqualTo(5_003);
    sent.write(9);
    assertThat(lines.get(0).received()).isEqualTo(sent.toByteArray());
    assertThat(speaker.framesPlayed()).isEqualTo(5_003);
    assertThat(lines.get(0).startedWithEmptyBuffer()).as("line started before any audio was written").isFalse();
  }

  @Test
  void eachPlaybackAfterSilenceStartsAndDrainsAgain() throws Exception {
    open(Duration.ofSeconds(5));
    speaker.play(new byte[640]);
    next(Started.class);
    next(Drained.class);

    speaker.play(new byte[320]);

    assertThat(next(Started.class).framesPlayed()).isGreaterThan(320);
    assertThat(next(Drained.class).framesPlayed()).isEqualTo(480);
    assertThat(lines).hasSize(1);
  }

  @Test
  void stopSilencesAtOnceAndCountsOnlyWhatWasPlayed() throws Exception {
    framesPerRead = 1; // a slow line: most of the audio is still queued when we stop
    open(Duration.ofSeconds(5));
    speaker.play(new byte[32_000]);
    next(Started.class);

    framesPerRead = 1_000; // the fresh line that replaces it is fast
    speaker.stop();

    Stopped stopped = next(Stopped.class);
    assertThat(lines.get(0).closed()).isTrue();
    assertThat(stopped.framesPlayed()).isBetween(1L, lines.get(0).playedFrames()).isLessThan(16_000);
    assertThat(speaker.framesPlayed()).isEqualTo(stopped.framesPlayed());

    speaker.play(new byte[200]);
    assertThat(next(Started.class).framesPlayed()).isEqualTo(stopped.framesPlayed() + 100);
    assertThat(next(Drained.class).framesPlayed()).isEqualTo(stopped.framesPlayed() + 100);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1).received()).hasSize(200);
  }

  @Test
  void audioQueuedAfterStopIsPlayed() throws Exception {
    framesPerRead = 1;
    open(Duration.ofSeconds(5));
    speaker.play(new byte[32_000]);
    speaker.stop();
    speaker.play(new byte[] {1, 2, 3, 4});

    PlaybackEvent first = events.poll(5, TimeUnit.SECONDS);
    if (first instanceof Started) {
      first = events.poll(5, TimeUnit.SECONDS);
    }
    assertThat(first).isInstanceOf(Stopped.class);
    assertThat(next(Started.class)).isNotNull();
    assertThat(lines.get(lines.size() - 1).received()).containsExactly(1, 2, 3, 4);
  }

  @Test
  void stopWhenSilentReportsStoppedWithoutTouchingTheLine() throws Exception {
    open(Duration.ofSeconds(5));

    speaker.stop();

    assertThat(next(Stopped.class).framesPlayed()).isZero();
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0).closed()).isFalse();
  }

  @Test
  void aLineThatStopsTakingAudioIsReportedLostAndLaterAudioIsDropped() throws Exception {
    framesPerRead = 0;
    open(Duration.ofMillis(50));
    speaker.play(new byte[6_400]);

    DeviceLost lost = next(DeviceLost.class);

    assertThat(lost.message()).contains("stopped taking audio");
    speaker.play(new byte[640]);
    speaker.stop();
    assertThat(next(Stopped.class)).isNotNull();
    assertThat(lines.get(0).received()).hasSize(BUFFER_BYTES);
  }

  @Test
  void shortWritesOnAStartedLineAreADeviceLoss() throws Exception {
    open(Duration.ofMillis(50));
    speaker.play(new byte[640]);
    next(Started.class);
    next(Drained.class);
    lines.get(0).acceptsWrites = false;

    speaker.play(new byte[640]);

    assertThat(next(DeviceLost.class).framesPlayed()).isEqualTo(320);
  }

  @Test
  void aListenerThatThrowsDoesNotStopPlayback() throws Exception {
    open(Duration.ofSeconds(5));
    speaker.setListener(event -> {
      events.add(event);
      throw new IllegalStateException("listener bug");
    });
    speaker.play(new byte[320]);
    next(Started.class);
    next(Drained.class);

    speaker.play(new byte[320]);

    assertThat(next(Started.class)).isNotNull();
  }

  @Test
  void closeEndsTheWriterThreadAndClosesTheLine() throws Exception {
    open(Duration.ofSeconds(5));
    speaker.play(new byte[320]);

    speaker.close();

    assertThat(lines.get(0).closed()).isTrue();
    assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("turntable-speaker"));
    assertThatThrownBy(() -> speaker.play(new byte[2])).isInstanceOf(IllegalStateException.class);
  }
}
