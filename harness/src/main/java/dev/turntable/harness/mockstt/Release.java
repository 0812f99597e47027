package dev.turntable.harness.mockstt;

import java.time.Duration;

/**
 * One message a driver released because the audio reached its due point.
 *
 * @param dueAudioMs the audio position at which the message was due
 * @param audioMsAtRelease the audio received when it was released (at least {@code dueAudioMs},
 *     less than one frame more when the release is precise)
 * @param latenessNanos from the arrival of the frame (or the timer) that made it due to its
 *     hand-off to the socket
 */
public record Release(
    String sessionId, String type, long dueAudioMs, long audioMsAtRelease, long latenessNanos) {

  /** Audio beyond the due point when released; bounded by the client's frame size. */
  public long audioGapMs() {
    return audioMsAtRelease - dueAudioMs;
  }

  public Duration lateness() {
    return Duration.ofNanos(latenessNanos);
  }
}
