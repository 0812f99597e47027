package dev.turntable.agent.audio.javasound;

import dev.turntable.agent.audio.PlaybackEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns what the speaker wrote and the line's frame position into playback events. Pure logic, fed
 * by the writer thread (which owns it), so its rules are testable without a device.
 *
 * <p>Rules: {@code Started} when the position first moves after silence; {@code Drained} when nothing
 * is left to write and the position has reached everything written; {@code DeviceLost} when audio
 * is pending but neither the position nor the writes have moved for the stall limit. The position
 * is clamped to what was written (the PulseAudio ALSA plugin runs it past the end on an underrun)
 * and never goes backwards, so {@link #framesPlayed()} is monotonic.
 */
final class PlaybackTracker {
  private final long stallLimitNanos;
  private long playedOnEarlierLines;
  private long lineWritten;
  private long linePlayed;
  private boolean active; // audio queued or written and not yet played
  private boolean startedReported;
  private long playedAtActivation;
  private long lastProgressNanos;

  PlaybackTracker(long stallLimitNanos) {
    this.stallLimitNanos = stallLimitNanos;
  }

  long framesPlayed() {
    return playedOnEarlierLines + linePlayed;
  }

  /** Frames written to the current line and not yet played. */
  long framesInFlight() {
    return lineWritten - linePlayed;
  }

  boolean active() {
    return active;
  }

  /** Audio has been queued: from now on, lack of progress counts as a stall. */
  void audioQueued(long nowNanos) {
    if (!active) {
      active = true;
      startedReported = false;
      playedAtActivation = framesPlayed();
      lastProgressNanos = nowNanos;
    }
  }

  /** The line accepted {@code frames} more frames. */
  void written(long frames, long nowNanos) {
    if (frames > 0) {
      audioQueued(nowNanos);
      lineWritten += frames;
      lastProgressNanos = nowNanos;
    }
  }

  /** A reading of the line's frame position; returns the events it causes, in order. */
  List<PlaybackEvent> positionRead(long linePosition, boolean moreQueued, long nowNanos) {
    long position = Math.min(linePosition, lineWritten);
    if (position > linePlayed) {
      linePlayed = position;
      lastProgressNanos = nowNanos;
    }
    List<PlaybackEvent> events = new ArrayList<>(2);
    if (!active) {
      return events;
    }
    boolean drained = !moreQueued && linePlayed >= lineWritten;
    if (!startedReported && framesPlayed() > playedAtActivation) {
      startedReported = true;
      events.add(new PlaybackEvent.Started(framesPlayed()));
    }
    if (drained) {
      active = false;
      if (startedReported) {
        events.add(new PlaybackEvent.Drained(framesPlayed()));
      }
    } else if (nowNanos - lastProgressNanos > stallLimitNanos) {
      active = false;
      events.add(new PlaybackEvent.DeviceLost(framesPlayed(), stallMessage(nowNanos)));
    }
    return events;
  }

  /** The line was closed and a new one, at position 0, takes its place; unplayed frames are gone. */
  void lineReplaced() {
    playedOnEarlierLines += linePlayed;
    linePlayed = 0;
    lineWritten = 0;
    active = false;
  }

  private String stallMessage(long nowNanos) {
    return "the speaker stopped taking audio: nothing played or accepted for "
        + (nowNanos - lastProgressNanos) / 1_000_000
        + " ms while audio was waiting (did the audio server or device go away?)";
  }
}
