package dev.turntable.harness.replay;

import java.util.Locale;

/** What a replay runs on. */
public enum ReplayClock {
  /**
   * A discrete-event scheduler is the only time source and the fixture feeds in-process ports:
   * deterministic, and as fast as the agent's own work. The default.
   */
  VIRTUAL,
  /**
   * Real sockets: the mock AssemblyAI server, WireMock stubs and the real adapters, paced at a
   * speed. It proves the protocol and the adapters.
   */
  WIRE;

  public static ReplayClock parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--clock takes virtual or wire, got '" + text + "'");
    }
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
