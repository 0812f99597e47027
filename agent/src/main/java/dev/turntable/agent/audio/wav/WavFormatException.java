package dev.turntable.agent.audio.wav;

import java.io.IOException;
import java.nio.file.Path;

/** A file that is not a WAV Turntable can read; the message names the file and what to do. */
public final class WavFormatException extends IOException {
  private static final String CONVERT_HINT =
      "convert it with: sox in.wav -r 16000 -c 1 -b 16 -e signed-integer out.wav";

  private WavFormatException(Path file, String problem) {
    super(file + ": " + problem);
  }

  static WavFormatException notWav(Path file, String found) {
    return new WavFormatException(file, "not a WAV file (expected RIFF/WAVE, found " + found + ")");
  }

  static WavFormatException truncated(Path file, String what, long fileSize) {
    return new WavFormatException(
        file, "truncated WAV header: " + what + " (file is " + fileSize + " bytes)");
  }

  static WavFormatException corrupt(Path file, String what) {
    return new WavFormatException(file, "corrupt WAV header: " + what);
  }

  static WavFormatException unsupported(Path file, String found) {
    return new WavFormatException(
        file, "unsupported audio format " + found + "; Turntable reads mono 16-bit PCM, " + CONVERT_HINT);
  }

  static WavFormatException wrongRate(Path file, int found, int expected) {
    return new WavFormatException(
        file, "sample rate is " + found + " Hz but " + expected + " Hz is needed; " + CONVERT_HINT);
  }
}
