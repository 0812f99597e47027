package dev.turntable.agent.audio.javasound;

import dev.turntable.agent.audio.PcmFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;

/** The microphones and speakers Java Sound offers for one PCM format, and choosing among them. */
public final class AudioDevices {
  private final PcmFormat format;
  private final List<AudioDevice> devices;

  AudioDevices(PcmFormat format, List<AudioDevice> devices) {
    this.format = Objects.requireNonNull(format, "format");
    this.devices = List.copyOf(devices);
  }

  /** Asks Java Sound which mixers can capture or play {@code format}. */
  public static AudioDevices scan(PcmFormat format) {
    List<AudioDevice> found = new ArrayList<>();
    for (Mixer.Info info : usableMixers(format)) {
      Mixer mixer = AudioSystem.getMixer(info);
      found.add(new AudioDevice(found.size(), info.getName(), info.getDescription(),
          mixer.isLineSupported(lineInfo(TargetDataLine.class, format)),
          mixer.isLineSupported(lineInfo(SourceDataLine.class, format))));
    }
    return new AudioDevices(format, found);
  }

  public PcmFormat format() {
    return format;
  }

  /** Every device that can capture or play the format, by index. */
  public List<AudioDevice> all() {
    return devices;
  }

  public List<AudioDevice> inputs() {
    return devices.stream().filter(AudioDevice::input).toList();
  }

  public List<AudioDevice> outputs() {
    return devices.stream().filter(AudioDevice::output).toList();
  }

  /**
   * A microphone by index (as listed) or by a case-insensitive part of its name or description.
   *
   * @throws NoAudioDeviceException if none matches (or several do); the message lists the inputs
   */
  public AudioDevice selectInput(String selector) throws NoAudioDeviceException {
    return select("input", selector, AudioDevice::input);
  }

  /** A speaker, chosen like {@link #selectInput}. */
  public AudioDevice selectOutput(String selector) throws NoAudioDeviceException {
    return select("output", selector, AudioDevice::output);
  }

  /** A listing for people: one device per line, or why there are none. */
  public String describe() {
    String header = "Audio devices for " + NoAudioDeviceException.describe(format) + ":";
    if (devices.isEmpty()) {
      return header + " none. " + NoAudioDeviceException.NO_DEVICE_HINT;
    }
    return header + NoAudioDeviceException.listing(devices);
  }

  @Override
  public String toString() {
    return describe();
  }

  private AudioDevice select(String role, String selector, Predicate<AudioDevice> canDo)
      throws NoAudioDeviceException {
    Objects.requireNonNull(selector, "selector");
    List<AudioDevice> candidates = devices.stream().filter(canDo).toList();
    String wanted = selector.strip().toLowerCase(Locale.ROOT);
    if (wanted.matches("\\d+")) {
      return candidates.stream().filter(d -> String.valueOf(d.index()).equals(wanted)).findFirst()
          .orElseThrow(() -> NoAudioDeviceException.noMatch(role, selector, format, candidates));
    }
    List<AudioDevice> matches = candidates.stream()
        .filter(d -> !wanted.isEmpty() && (contains(d.name(), wanted) || contains(d.description(), wanted)))
        .toList();
    if (matches.size() > 1) {
      List<AudioDevice> exact = matches.stream().filter(d -> d.name().equalsIgnoreCase(wanted)).toList();
      if (exact.size() == 1) {
        return exact.get(0);
      }
      throw NoAudioDeviceException.ambiguous(role, selector, matches);
    }
    return matches.stream().findFirst()
        .orElseThrow(() -> NoAudioDeviceException.noMatch(role, selector, format, candidates));
  }

  private static boolean contains(String text, String lowerCasePart) {
    return text.toLowerCase(Locale.ROOT).contains(lowerCasePart);
  }

  /** The Java Sound mixer behind a listed device, or null if it has gone since it was listed. */
  static Mixer.Info mixerFor(AudioDevice device, PcmFormat format) {
    for (Mixer.Info info : usableMixers(format)) {
      if (info.getName().equals(device.name()) && info.getDescription().equals(device.description())) {
        return info;
      }
    }
    return null;
  }

  private static List<Mixer.Info> usableMixers(PcmFormat format) {
    List<Mixer.Info> usable = new ArrayList<>();
    for (Mixer.Info info : AudioSystem.getMixerInfo()) {
      Mixer mixer = AudioSystem.getMixer(info);
      if (mixer.isLineSupported(lineInfo(TargetDataLine.class, format))
          || mixer.isLineSupported(lineInfo(SourceDataLine.class, format))) {
        usable.add(info);
      }
    }
    return usable;
  }

  static DataLine.Info lineInfo(Class<? extends DataLine> type, PcmFormat format) {
    return new DataLine.Info(type, format.toAudioFormat());
  }
}
