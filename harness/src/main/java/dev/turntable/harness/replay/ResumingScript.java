package dev.turntable.harness.replay;

import dev.turntable.agent.time.Clock;
import dev.turntable.harness.mockstt.Script;
import dev.turntable.harness.mockstt.ScriptedDriver;
import dev.turntable.harness.mockstt.SessionDriver;
import dev.turntable.harness.mockstt.Utterance;
import java.util.List;
import java.util.function.Supplier;

/**
 * The scripted user keeps talking through an STT reconnect. The first connection hears the whole
 * script; a later one starts its audio count at zero while the microphone is already further on,
 * so it hears only the utterances that begin after it opened, moved onto its own audio axis. An
 * utterance cut by the drop is lost, as it would be. The synthesizer runs at real time, so the
 * wall time since the first connection opened is the microphone's position.
 */
final class ResumingScript implements Supplier<SessionDriver> {
  private final List<Utterance> utterances;
  private final Clock clock;
  private long firstOpenedNanos = -1;

  ResumingScript(List<Utterance> utterances, Clock clock) {
    this.utterances = List.copyOf(utterances);
    this.clock = clock;
  }

  @Override
  public synchronized SessionDriver get() {
    long now = clock.nanoTime();
    if (firstOpenedNanos < 0) {
      firstOpenedNanos = now;
      return ScriptedDriver.factory(Script.of(utterances.toArray(Utterance[]::new))).get();
    }
    long offsetMs = (now - firstOpenedNanos) / 1_000_000;
    Utterance[] rest = utterances.stream()
        .filter(u -> u.startMs() >= offsetMs)
        .map(u -> new Utterance(u.text(), u.startMs() - offsetMs, u.endMs() - offsetMs))
        .toArray(Utterance[]::new);
    return rest.length == 0 ? SessionDriver.silent() : ScriptedDriver.factory(Script.of(rest)).get();
  }
}
