package dev.turntable.harness.check;

import java.util.ArrayList;
import java.util.List;

/**
 * The differences between what a recording decided and what a replay decided, each naming the
 * turn or reply and where it happened. Empty when they agree.
 */
final class DecisionDiff {
  private DecisionDiff() {}

  static List<String> between(Decisions expected, Decisions actual) {
    List<String> differences = new ArrayList<>();
    compare("turn decisions", expected.turns(), actual.turns(), differences);
    compare("speech", expected.speech(), actual.speech(), differences);
    return differences;
  }

  private static void compare(
      String what, List<Decisions.Entry> expected, List<Decisions.Entry> actual, List<String> out) {
    int n = Math.max(expected.size(), actual.size());
    for (int i = 0; i < n; i++) {
      Decisions.Entry want = i < expected.size() ? expected.get(i) : null;
      Decisions.Entry got = i < actual.size() ? actual.get(i) : null;
      if (want != null && want.equals(got)) {
        continue;
      }
      out.add(
          what
              + " #"
              + (i + 1)
              + ":\n    - recorded: "
              + (want == null ? "(nothing)" : want)
              + "\n    + replayed: "
              + (got == null ? "(nothing)" : got));
      return; // after the first divergence the rest is noise
    }
  }
}
