package dev.turntable.harness.replay;

import dev.turntable.harness.check.SessionMeasures;
import dev.turntable.harness.check.Timeline;
import dev.turntable.harness.check.Verdict;
import dev.turntable.harness.fixture.Fixture;
import java.util.List;

/** One fixture replayed: what the agent did, how it measured, and whether that passes. */
public record ReplayResult(
    Fixture fixture,
    double speed,
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
}
