package dev.turntable.harness.replay;

import dev.turntable.harness.check.SessionMeasures;
import dev.turntable.harness.check.Timeline;
import dev.turntable.harness.check.Verdict;
import dev.turntable.harness.fixture.Fixture;
import java.util.List;

/** One fixture replayed: how, what the agent did, how it measured, and whether that passes. */
public record ReplayResult(
    Fixture fixture,
    ReplayOptions options,
    SessionRun.Outcome outcome,
    SessionMeasures measures,
    List<String> differences,
    Verdict verdict) {

  public Timeline timeline() {
    return outcome.timeline();
  }

  public String name() {
    return fixture.dir().getFileName().toString();
  }

  /** The wire speed; 1 on virtual time, where session time is all there is. */
  public double speed() {
    return options.clock() == ReplayClock.WIRE ? options.speed() : 1;
  }

  /** "virtual time" or "wire at 20×". */
  public String how() {
    return options.describe();
  }
}
