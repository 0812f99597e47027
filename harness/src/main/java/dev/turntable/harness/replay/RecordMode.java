package dev.turntable.harness.replay;

import java.util.Locale;
import java.util.Map;

/**
 * As in VCR: {@link #REPLAY} (the default, and the only mode allowed in CI) serves everything from
 * the fixture through loopback mocks and never touches the network; {@link #RECORD} re-records the
 * fixture against the real services, speaking its {@code mic.wav} to them, and then replays it.
 * Chosen with the environment variable {@code TURNTABLE_RECORD_MODE=replay|record}.
 */
public enum RecordMode {
  REPLAY,
  RECORD;

  public static final String VARIABLE = "TURNTABLE_RECORD_MODE";

  public static RecordMode from(Map<String, String> env) {
    String value = env.getOrDefault(VARIABLE, "replay").strip().toLowerCase(Locale.ROOT);
    RecordMode mode =
        switch (value) {
          case "", "replay" -> REPLAY;
          case "record" -> RECORD;
          default ->
              throw new IllegalArgumentException(VARIABLE + " must be replay or record, was " + value);
        };
    if (mode == RECORD && "true".equalsIgnoreCase(env.get("CI"))) {
      throw new IllegalStateException(
          VARIABLE + "=record is refused in CI: CI only replays and never calls real services");
    }
    return mode;
  }
}
