package dev.turntable.agent.audio.javasound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.agent.audio.PlaybackEvent.DeviceLost;
import dev.turntable.agent.audio.PlaybackEvent.Drained;
import dev.turntable.agent.audio.PlaybackEvent.Started;
import org.junit.jupiter.api.Test;

class PlaybackTrackerTest {
  private static final long MS = 1_000_000;
  private final PlaybackTracker tracker = new PlaybackTracker(500 * MS);

  @Test
  void startedWhenThePositionFirstMovesThenDrainedWhenItReachesTheEnd() {
    tracker.audioQueued(0);
    tracker.written(1_600, 0);

    assertThat(tracker.positionRead(0, true, 1 * MS)).isEmpty();
    assertThat(tracker.positionRead(320, true, 5 * MS)).containsExactly(new Started(320));
    tracker.written(400, 6 * MS);
    assertThat(tracker.positionRead(1_800, false, 100 * MS)).isEmpty();
    assertThat(tracker.positionRead(2_000, false, 120 * MS)).containsExactly(new Drained(2_000));
    assertThat(tracker.active()).isFalse();
  }

  @Test
  void notDrainedWhileAudioIsStillQueued() {
    tracker.written(100, 0);

    assertThat(tracker.positionRead(100, true, 10 * MS)).containsExactly(new Started(100));
    assertThat(tracker.active()).isTrue();
  }

  @Test
  void aShortClipPlayedBetweenTwoReadingsIsStartedAndDrainedInOrder() {
    tracker.written(160, 0);

    assertThat(tracker.positionRead(160, false, 10 * MS)).containsExactly(new Started(160), new Drained(160));
  }

  @Test
  void aPositionPastWhatWasWrittenCountsOnlyWhatWasWritten() {
    tracker.written(3_000, 0);

    assertThat(tracker.positionRead(3_079, false, 190 * MS)).containsExactly(new Started(3_000), new Drained(3_000));
    assertThat(tracker.framesPlayed()).isEqualTo(3_000);
  }

  @Test
  void framesPlayedNeverGoesBackwards() {
    tracker.written(1_000, 0);
    tracker.positionRead(600, true, 10 * MS);

    tracker.positionRead(500, true, 20 * MS);

    assertThat(tracker.framesPlayed()).isEqualTo(600);
  }

  @Test
  void theNextPlaybackStartsAgainAfterDrained() {
    tracker.written(100, 0);
    tracker.positionRead(100, false, 10 * MS);

    tracker.written(200, 1_000 * MS);

    assertThat(tracker.positionRead(100, false, 1_001 * MS)).isEmpty();
    assertThat(tracker.positionRead(180, false, 1_010 * MS)).containsExactly(new Started(180));
    assertThat(tracker.positionRead(300, false, 1_020 * MS)).containsExactly(new Drained(300));
  }

  @Test
  void deviceLostWhenNothingMovesForTheStallLimitWhileAudioIsPending() {
    tracker.written(1_600, 0);
    tracker.positionRead(320, true, 10 * MS);

    assertThat(tracker.positionRead(320, true, 500 * MS)).isEmpty();
    assertThat(tracker.positionRead(320, true, 511 * MS)).singleElement().isInstanceOfSatisfying(DeviceLost.class,
        lost -> {
          assertThat(lost.framesPlayed()).isEqualTo(320);
          assertThat(lost.message()).contains("501 ms").contains("audio was waiting");
        });
    assertThat(tracker.active()).isFalse();
  }

  @Test
  void acceptedWritesCountAsProgress() {
    tracker.written(100, 0);
    tracker.written(100, 400 * MS);

    assertThat(tracker.positionRead(0, true, 800 * MS)).isEmpty();
  }

  @Test
  void anIdleSpeakerNeverReportsAnything() {
    assertThat(tracker.positionRead(0, false, 10_000 * MS)).isEmpty();
  }

  @Test
  void queuedAudioThatNeverGetsWrittenIsADeviceLoss() {
    tracker.audioQueued(0);

    assertThat(tracker.positionRead(0, true, 600 * MS)).singleElement().isInstanceOf(DeviceLost.class);
  }

  @Test
  void aReplacedLineKeepsWhatWasPlayedAndDropsWhatWasNot() {
    tracker.written(1_600, 0);
    tracker.positionRead(900, true, 10 * MS);

    tracker.lineReplaced();

    assertThat(tracker.framesPlayed()).isEqualTo(900);
    assertThat(tracker.framesInFlight()).isZero();
    tracker.written(200, 20 * MS);
    assertThat(tracker.positionRead(200, false, 40 * MS))
        .containsExactly(new Started(1_100), new Drained(1_100));
  }
}
