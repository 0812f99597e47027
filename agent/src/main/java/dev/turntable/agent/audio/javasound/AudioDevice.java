package dev.turntable.agent.audio.javasound;

import java.util.Objects;

/**
 * A Java Sound mixer that can capture ({@code input}) and/or play ({@code output}) a given PCM
 * format. {@code index} is its position in {@link AudioDevices#all()}, the number users type.
 */
public record AudioDevice(int index, String name, String description, boolean input, boolean output) {
  public AudioDevice {
    if (index < 0) {
      throw new IllegalArgumentException("index must not be negative, was " + index);
    }
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    if (!input && !output) {
      throw new IllegalArgumentException(name + " is neither an input nor an output");
    }
  }

  /** One line of a device listing, e.g. {@code [0] default — Direct Audio Device: default (input, output)}. */
  public String describe() {
    String roles = input && output ? "input, output" : input ? "input" : "output";
    return "[" + index + "] " + name + " — " + description + " (" + roles + ")";
  }
}
