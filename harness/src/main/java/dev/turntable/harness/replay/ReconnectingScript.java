package dev.turntable.harness.replay;

import dev.turntable.agent.time.Clock;
import dev.turntable.harness.mockstt.Script;
import dev.turntable.harness.mockstt.ScriptedDriver;
import dev.turntable.harness.mockstt.SessionDriver;
import dev.turntable.harness.mockstt.SessionHandle;
import dev.turntable.harness.mockstt.SessionParameters;
import dev.turntable.harness.mockstt.Utterance;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The scripted STT across reconnects: the first connection hears the whole script; after an STT
 * fault, a new connection hears only the lines that start after the fault, timed from its own
 * start (its audio position counts from zero, and audio sent while disconnected is lost), so the
 * user does not repeat what was already transcribed.
 *
 * <p>Given the session's clock (the one the microphone is paced on), the new connection's lines are
 * also moved by the audio lost while the client reconnected, the time from the first connection's
 * end to the next one's start, so its transcripts sit where the words are in its audio. Without
 * one they are moved by the fault's position alone.
 */
final class ReconnectingScript implements Supplier<SessionDriver> {
  private static final long NOT_CLOSED = Long.MIN_VALUE;

  private final ConversationScript script;
  private final Clock clock;
  private final AtomicInteger connections = new AtomicInteger();
  private volatile long firstClosedNanos = NOT_CLOSED;

  ReconnectingScript(ConversationScript script) {
    this(script, null);
  }

  /** @param clock the session's clock, to measure the audio lost while reconnecting; or null */
  ReconnectingScript(ConversationScript script, Clock clock) {
    this.script = script;
    this.clock = clock;
  }

  @Override
  public SessionDriver get() {
    if (connections.getAndIncrement() == 0) {
      SessionDriver first = ScriptedDriver.factory(script.sttScript()).get();
      return clock == null ? first : new NotingClose(first);
    }
    if (script.sttFaults().isEmpty()) {
      return ScriptedDriver.factory(script.sttScript()).get();
    }
    long faultMs = script.sttFaults().get(0).atMs();
    long shiftMs = faultMs + lostMs();
    List<Utterance> later =
        script.utterances().stream()
            .filter(u -> u.startMs() >= shiftMs) // a line begun while disconnected is lost
            .map(u -> new Utterance(u.text(), u.startMs() - shiftMs, u.endMs() - shiftMs))
            .toList();
    return later.isEmpty()
        ? SessionDriver.silent()
        : ScriptedDriver.factory(Script.of(later.toArray(Utterance[]::new))).get();
  }

  /** Session time from the first connection's end to now, when the next one opens. */
  private long lostMs() {
    long closed = firstClosedNanos;
    return clock == null || closed == NOT_CLOSED ? 0 : (clock.nanoTime() - closed) / 1_000_000;
  }

  /** The first connection's driver, noting when its connection ended. */
  private final class NotingClose implements SessionDriver {
    private final SessionDriver driver;

    NotingClose(SessionDriver driver) {
      this.driver = driver;
    }

    @Override
    public void opened(SessionParameters parameters, SessionHandle session) {
      driver.opened(parameters, session);
    }

    @Override
    public void audio(ByteBuffer frame) {
      driver.audio(frame);
    }

    @Override
    public void audioReceived(long totalAudioMs) {
      driver.audioReceived(totalAudioMs);
    }

    @Override
    public void forceEndpoint() {
      driver.forceEndpoint();
    }

    @Override
    public void terminate() {
      driver.terminate();
    }

    @Override
    public void configUpdated(SessionParameters parameters, Set<String> changed) {
      driver.configUpdated(parameters, changed);
    }

    @Override
    public void closed() {
      firstClosedNanos = clock.nanoTime();
      driver.closed();
    }
  }
}
