package dev.turntable.agent.audio.aec;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether an output device is headphones only, judged from its name and description as the system
 * reports them ("Headphones", "USB Headset", "AirPods Pro", "Galaxy Buds"). Java Sound has no
 * reliable port type on Linux, so a name is the evidence there is. Headphones cannot leak into
 * the microphone: echo cancellation is not needed there, and left out it cannot alter the voice.
 */
public final class HeadphoneDetection {
  private static final Pattern HEADPHONES =
      Pattern.compile("\\b(head ?phones?|headsets?|earphones?|earbuds?|airpods|buds|in-ear)\\b");
  /** A device named for both (a "speaker/headphone" jack) may be either: not headphones only. */
  private static final Pattern SPEAKERS = Pattern.compile("\\b(speakers?|line out|hdmi|monitor)\\b");

  private HeadphoneDetection() {}

  public static boolean headphonesOnly(String name, String description) {
    String text = (name + " " + description).toLowerCase(Locale.ROOT);
    return HEADPHONES.matcher(text).find() && !SPEAKERS.matcher(text).find();
  }
}
