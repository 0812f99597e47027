package dev.turntable.agent.config;

/** A configuration problem the user can fix; the message says what and how. Never holds secrets. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
