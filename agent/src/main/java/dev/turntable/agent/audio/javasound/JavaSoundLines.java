package dev.turntable.agent.audio.javasound;

import dev.turntable.agent.audio.PcmFormat;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens Java Sound lines with errors that say which device and what to do. */
final class JavaSoundLines {
  /** Below this, lines dropped audio on a 2-core machine; 100 ms was bit-exact. */
  static final Duration SAFE_BUFFER = Duration.ofMillis(100);

  private static final Logger log = LoggerFactory.getLogger(JavaSoundLines.class);

  private JavaSoundLines() {}

  /** An opened, not yet started microphone line. */
  static TargetDataLine openMicrophone(AudioDevice device, PcmFormat format, Duration buffer) throws IOException {
    TargetDataLine line = get(TargetDataLine.class, "input", device, format);
    open(line, "microphone", device, format, buffer);
    return line;
  }

  /** An opened, not yet started speaker line. */
  static SourceDataLine openSpeaker(AudioDevice device, PcmFormat format, Duration buffer) throws IOException {
    SourceDataLine line = get(SourceDataLine.class, "output", device, format);
    open(line, "speaker", device, format, buffer);
    return line;
  }

  static int bufferBytes(PcmFormat format, Duration buffer) {
    Objects.requireNonNull(buffer, "buffer");
    int bytes = format.bytesForMillis(buffer.toMillis());
    if (bytes <= 0) {
      throw new IllegalArgumentException("line buffer must hold at least one frame, was " + buffer);
    }
    if (buffer.compareTo(SAFE_BUFFER) < 0) {
      log.warn("a line buffer of {} ms may drop audio on a busy machine; {} ms is safe",
          buffer.toMillis(), SAFE_BUFFER.toMillis());
    }
    return bytes;
  }

  private static <T extends DataLine> T get(Class<T> type, String role, AudioDevice device, PcmFormat format)
      throws NoAudioDeviceException {
    DataLine.Info wanted = AudioDevices.lineInfo(type, format);
    try {
      if (device == null) {
        if (!AudioSystem.isLineSupported(wanted)) {
          throw NoAudioDeviceException.none(role, format, AudioDevices.scan(format).all());
        }
        return type.cast(AudioSystem.getLine(wanted));
      }
      Mixer.Info mixer = AudioDevices.mixerFor(device, format);
      if (mixer == null || !AudioSystem.getMixer(mixer).isLineSupported(wanted)) {
        throw NoAudioDeviceException.gone(device, format, AudioDevices.scan(format).all());
      }
      return type.cast(AudioSystem.getMixer(mixer).getLine(wanted));
    } catch (LineUnavailableException | IllegalArgumentException e) {
      // isLineSupported said yes, yet the mixer refused: report it like a missing device
      NoAudioDeviceException missing = NoAudioDeviceException.none(role, format, AudioDevices.scan(format).all());
      missing.initCause(e);
      throw missing;
    }
  }

  private static void open(DataLine line, String role, AudioDevice device, PcmFormat format, Duration buffer)
      throws IOException {
    String name = device == null ? "default " + role : role + " \"" + device.name() + "\"";
    try {
      if (line instanceof TargetDataLine target) {
        target.open(format.toAudioFormat(), bufferBytes(format, buffer));
      } else {
        ((SourceDataLine) line).open(format.toAudioFormat(), bufferBytes(format, buffer));
      }
    } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
      throw new IOException("could not open the " + name + " for " + NoAudioDeviceException.describe(format)
          + ": " + e.getMessage() + " (is another program holding it?)", e);
    }
  }
}
