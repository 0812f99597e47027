package dev.turntable.harness.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of the bench table: what was measured, the result, and how it was taken.
 *
 * @param values the numbers behind {@code value}, for {@code --json} (milliseconds unless named)
 */
record Figure(String item, String name, String value, String how, Map<String, Object> values) {
  Figure {
    values = values == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  static Figure failed(String item, String name, String how, Exception error) {
    String why = error.getMessage() == null ? error.toString() : error.getMessage();
    return new Figure(item, name, "FAILED: " + why, how, Map.of("error", why));
  }

  static Figure notMeasured(String item, String name, String why) {
    return new Figure(item, name, "not measured: " + why, "", Map.of("notMeasured", why));
  }

  boolean ok() {
    return !values.containsKey("error");
  }
}
