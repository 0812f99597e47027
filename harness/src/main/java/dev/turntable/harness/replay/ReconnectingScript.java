package dev.turntable.harness.replay;

import dev.turntable.harness.mockstt.ScriptedDriver;
import dev.turntable.harness.mockstt.SessionDriver;
import dev.turntable.harness.mockstt.Utterance;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The scripted STT across reconnects: the first connection hears the whole script; after an STT
 * fault, a new connection hears only the lines that start after the fault, timed from its own
 * start (its audio position counts from zero, and audio sent while disconnected is lost), so the
 * user does not repeat what was already transcribed.
 */
final class ReconnectingScript implements Supplier<SessionDriver> {
  private final ConversationScript script;
  private final AtomicInteger connections = new AtomicInteger();

  ReconnectingScript(ConversationScript script) {
    this.script = script;
  }

  @Override
  public SessionDriver get() {
    if (connections.getAndIncrement() == 0 || script.sttFaults().isEmpty()) {
      return ScriptedDriver.factory(script.sttScript()).get();
    }
    long faultMs = script.sttFaults().get(0).atMs();
    List<Utterance> later =
        script.utterances().stream()
            .filter(u -> u.startMs() >= faultMs)
            .map(u -> new Utterance(u.text(), u.startMs() - faultMs, u.endMs() - faultMs))
            .toList();
    return later.isEmpty()
        ? SessionDriver.silent()
        : ScriptedDriver.factory(dev.turntable.harness.mockstt.Script.of(later.toArray(Utterance[]::new))).get();
  }
}
