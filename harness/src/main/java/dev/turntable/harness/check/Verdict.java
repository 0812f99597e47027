package dev.turntable.harness.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a session passed: it decided what its recording decided, met the fixture's expected
 * labels, and hit no agent error. {@code failures} says why not, one line each.
 */
public record Verdict(List<String> failures) {
  public Verdict {
    failures = List.copyOf(failures);
  }

  /** The same verdict with one more failure. */
  public Verdict with(String failure) {
    List<String> all = new ArrayList<>(failures);
    all.add(failure);
    return new Verdict(all);
  }

  public boolean passed() {
    return failures.isEmpty();
  }

  /**
   * @param expected the fixture's {@code expected} labels, or null; understood keys: {@code
   *     turns} (answered user turns), {@code bargeIns.accepted}, {@code bargeIns.suppressed}, and
   *     {@code errors}: the sources ("tts", "stt" …) whose agent errors the fixture is about, which
   *     must then happen and do not fail it
   * @param differences from {@link DecisionDiff}, empty when there is no recording to compare
   */
  public static Verdict of(SessionMeasures measures, JsonNode expected, List<String> differences) {
    List<String> failures = new ArrayList<>();
    if (!differences.isEmpty()) {
      failures.add("decisions differ from the recording");
    }
    Set<String> expectedErrors = new TreeSet<>();
    if (expected != null) {
      expected.path("errors").forEach(source -> expectedErrors.add(source.asText()));
    }
    measures.errors().stream()
        .filter(e -> !expectedErrors.contains(e.source()))
        .forEach(e -> failures.add("agent error from " + e.source() + ": " + e.message()));
    for (String source : expectedErrors) {
      if (measures.errors().stream().noneMatch(e -> e.source().equals(source))) {
        failures.add("expected an agent error from " + source + ", got none");
      }
    }
    if (expected != null) {
      expect(failures, "answered turns", expected.path("turns"), measures.turns().size());
      JsonNode bargeIns = expected.path("bargeIns");
      expect(failures, "accepted barge-ins", bargeIns.path("accepted"), measures.accepted());
      expect(failures, "suppressed barge-ins", bargeIns.path("suppressed"), measures.suppressed());
    }
    return new Verdict(failures);
  }

  private static void expect(List<String> failures, String what, JsonNode want, long got) {
    if (want.isNumber() && want.asLong() != got) {
      failures.add(what + ": expected " + want.asLong() + ", got " + got);
    }
  }
}
