package dev.turntable.harness.replay;

import dev.turntable.harness.fixture.Fixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Wire replay speeds: parsing, and the search for the fastest speed that changes no verdict. */
public final class ReplaySpeed {
  /** Speeds tried by {@link #fastestIdentical}, in order; it stops at the first that differs. */
  static final double[] LADDER = {1, 5, 10, 20, 30, 40, 60, 80};

  /** The fastest replay whose decisions and verdict equal the virtual-time replay's, and what was tried. */
  public record Search(ReplayResult best, List<String> tried) {}

  private ReplaySpeed() {}

  public static double parse(String text) {
    try {
      double speed = Double.parseDouble(text.endsWith("x") ? text.substring(0, text.length() - 1) : text);
      if (speed > 0 && speed <= 1000) {
        return speed;
      }
    } catch (NumberFormatException e) {
      // fall through to the message
    }
    throw new IllegalArgumentException("--speed takes a number from 0 to 1000, or max; got " + text);
  }

  public static String format(double speed) {
    return speed == Math.rint(speed) ? String.valueOf((long) speed) : String.format(Locale.ROOT, "%.1f", speed);
  }

  /**
   * The fastest wire replay whose decisions and verdict equal the virtual-time replay's: how far
   * this machine's sockets and scheduling can be pushed before jitter changes what the agent does.
   * When even 1× differs, the virtual-time result is returned.
   */
  public static Search fastestIdentical(Fixture fixture) throws Exception {
    ReplayResult reference = FixtureReplay.run(fixture, ReplayOptions.virtual());
    ReplayResult best = reference;
    List<String> tried = new ArrayList<>(List.of("virtual"));
    for (double speed : LADDER) {
      ReplayResult candidate = FixtureReplay.run(fixture, ReplayOptions.wire(speed));
      boolean same = sameOutcome(reference, candidate);
      tried.add(format(speed) + "x " + (same ? "same" : "differs"));
      if (!same) {
        break;
      }
      best = candidate;
    }
    return new Search(best, tried);
  }

  static boolean sameOutcome(ReplayResult a, ReplayResult b) {
    return a.verdict().equals(b.verdict())
        && a.timeline().decisionDifferences(b.timeline()).isEmpty();
  }
}
