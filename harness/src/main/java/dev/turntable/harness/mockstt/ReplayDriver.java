package dev.turntable.harness.mockstt;

import dev.turntable.agent.Cancellable;
import dev.turntable.agent.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Replays a recorded session by the audio clock: each recorded server message is released when
 * the audio received reaches the {@code audio_ms} at which it originally arrived, plus the lag it
 * had then behind the audio frame that reached that position (see {@link
 * SttRecording#releaseLagMs}), in recorded order. Pacing the client's audio faster therefore
 * replays faster with the same interleaving; the lag is divided by the speed.
 * Begin and Termination are made live by the server; recorded Error frames are replayed as
 * messages.
 *
 * <p>A recording of a client that reconnected holds several connections ({@link
 * SttRecording#connections()}): the drivers a {@linkplain #factory factory} makes serve them in
 * turn, one per connection the client opens. Each is timed on its own connection's audio, from 0,
 * and a connection that ended with a drop or an error close before the client reconnected ends the
 * same way, after its last message, when its audio reaches the recorded position ({@link
 * SessionHandle#disconnect}). After the last connection the next one starts from the first again,
 * so a server that replays for one client after another ({@code turntable serve}) serves each the
 * whole recording. The session's own final close is not replayed: Termination and a normal close
 * are made live.
 *
 * <p>{@code ForceEndpoint} and {@code UpdateConfiguration} change nothing: the recorded answers
 * already follow them at their recorded audio positions. On {@code Terminate} every message not
 * yet released is sent at once (the pending Turns).
 */
public final class ReplayDriver implements SessionDriver {

  /**
   * @param honourWallClockGaps also wait, after each release, for the recorded wall-clock gap to
   *     the next message (divided by {@code speed}) before releasing it
   * @param speed how much faster than recorded the client streams audio (1 = real time)
   */
  public record Options(boolean honourWallClockGaps, double speed) {
    public Options {
      if (!(speed > 0)) {
        throw new IllegalArgumentException("speed must be positive, was " + speed);
      }
    }

    /** Releases by audio position alone. */
    public static Options audioClock() {
      return new Options(false, 1.0);
    }
  }

  private final SttRecording.Connection connection;
  private final List<SttRecording.Frame> messages;
  private final double[] lagMs;
  private final long[] dueNanos;
  private final Options options;
  private final Clock clock;
  private SessionHandle session;
  /** Messages whose audio position has been reached, and so have a due time. */
  private int reached;
  private int next;
  private long lastReleaseNanos;
  private Cancellable waitingForGap = Cancellable.NONE;
  private boolean waiting;
  private boolean disconnected;

  ReplayDriver(
      SttRecording recording, SttRecording.Connection connection, Options options, Clock clock) {
    this.connection = connection;
    this.messages = connection.messages();
    this.lagMs = messages.stream().mapToDouble(recording::releaseLagMs).toArray();
    this.dueNanos = new long[messages.size()];
    this.options = options;
    this.clock = clock;
  }

  public static Supplier<SessionDriver> factory(SttRecording recording) {
    return factory(recording, Options.audioClock());
  }

  public static Supplier<SessionDriver> factory(SttRecording recording, Options options) {
    return factory(recording, options, Clock.system());
  }

  /** Drivers that measure recorded gaps on {@code clock} (the replay's virtual clock, say). */
  public static Supplier<SessionDriver> factory(SttRecording recording, Options options, Clock clock) {
    List<SttRecording.Connection> connections = recording.connections();
    AtomicInteger opened = new AtomicInteger();
    return () -> new ReplayDriver(recording,
        connections.get(Math.floorMod(opened.getAndIncrement(), connections.size())), options, clock);
  }

  @Override
  public void opened(SessionParameters parameters, SessionHandle session) {
    this.session = session;
    audioReached(0);
  }

  @Override
  public void audioReceived(long totalAudioMs) {
    audioReached(totalAudioMs);
  }

  /** The audio received has just reached {@code audioMs}: the messages recorded by then fall due. */
  private void audioReached(long audioMs) {
    long now = clock.nanoTime();
    while (reached < messages.size() && connection.dueAudioMs(messages.get(reached)) <= audioMs) {
      long due = now + (long) (lagMs[reached] / options.speed() * 1_000_000);
      // Recorded order wins over a shorter lag: a message never overtakes the one before it.
      dueNanos[reached] = reached == 0 ? due : Math.max(due, dueNanos[reached - 1]);
      reached++;
    }
    releaseDue();
  }

  private void releaseDue() {
    while (next < reached && !waiting) {
      SttRecording.Frame message = messages.get(next);
      long wait = Math.max(dueNanos[next] - clock.nanoTime(), gapLeftNanos(message));
      if (wait > 0) {
        waiting = true;
        waitingForGap = session.schedule(Duration.ofNanos(wait), () -> {
          waiting = false;
          releaseDue();
        });
        return;
      }
      session.release(message.json().orElseThrow(), connection.dueAudioMs(message));
      lastReleaseNanos = clock.nanoTime();
      next++;
    }
    disconnectIfDue();
  }

  /** After the connection's last message, it ends where the recorded one ended. */
  private void disconnectIfDue() {
    if (next < messages.size() || waiting || disconnected) {
      return;
    }
    long audioMs = session.audioMs();
    connection.disconnect().filter(end -> audioMs >= end.audioMs()).ifPresent(end -> {
      disconnected = true;
      session.disconnect(end.code(), end.reason());
    });
  }

  private long gapLeftNanos(SttRecording.Frame message) {
    if (!options.honourWallClockGaps() || next == 0) {
      return 0;
    }
    double gapMs = (message.tMs() - messages.get(next - 1).tMs()) / options.speed();
    long earliest = lastReleaseNanos + (long) (gapMs * 1_000_000);
    return earliest - clock.nanoTime();
  }

  @Override
  public void forceEndpoint() {}

  @Override
  public void terminate() {
    waitingForGap.cancel();
    while (next < messages.size()) {
      session.send(messages.get(next++).json().orElseThrow());
    }
  }

  @Override
  public void configUpdated(SessionParameters parameters, Set<String> changed) {}
}
