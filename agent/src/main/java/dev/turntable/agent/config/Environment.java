package dev.turntable.agent.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where settings not given as flags come from: the process environment over a {@code .env} file.
 * Flags override both; defaults fill in the rest.
 */
public final class Environment {
  private final Map<String, String> values;

  private Environment(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /** {@code .env} in the working directory, overridden by the real environment. */
  public static Environment load() {
    return of(EnvFile.read(Path.of(".env")), System.getenv());
  }

  public static Environment of(Map<String, String> dotEnv, Map<String, String> processEnv) {
    Map<String, String> merged = new HashMap<>(dotEnv);
    merged.putAll(processEnv);
    merged.values().removeIf(String::isBlank);
    return new Environment(merged);
  }

  public Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** The values of every secret variable that is set: what a recorder must never write. */
  public java.util.Set<String> secretValues() {
    java.util.Set<String> secrets = new java.util.HashSet<>();
    for (String name : Providers.SECRET_VARIABLES) {
      get(name).ifPresent(secrets::add);
    }
    return secrets;
  }

  public String getOrDefault(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }
}
