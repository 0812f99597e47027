package dev.turntable.agent.audio.javasound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The PulseAudio command-line tools the real-device tests use to feed the mic and hear the speaker. */
final class Pulse {
  private Pulse() {}

  static String pactl(String... arguments) throws IOException {
    List<String> command = new ArrayList<>(List.of("pactl"));
    command.addAll(List.of(arguments));
    return run(Duration.ofSeconds(5), command);
  }

  /** Plays a WAV into a sink in real time; returns when it has been played. */
  static void paplay(String sink, Path wav) throws IOException {
    run(Duration.ofSeconds(15), List.of("paplay", "-d", sink, wav.toString()));
  }

  /** Records a source as raw 16 kHz mono s16le until stopped. */
  static PcmCapture parec(String source) throws IOException {
    Process process = new ProcessBuilder("parec", "-d", source, "--rate=16000", "--channels=1",
        "--format=s16le", "--latency-msec=10").redirectError(ProcessBuilder.Redirect.DISCARD).start();
    return new PcmCapture(process.getInputStream(), "parec " + source, process::destroy);
  }

  private static String run(Duration timeout, List<String> command) throws IOException {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IOException(command.get(0) + " could not be started (is pulseaudio-utils installed?)", e);
    }
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    Thread reader = new Thread(() -> copy(process.getInputStream(), output), "pulse-output-" + command.get(0));
    reader.start();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IOException(String.join(" ", command) + " did not finish within " + timeout);
      }
      reader.join(timeout.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException("interrupted running " + command, e);
    }
    String text = output.toString(StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed (exit " + process.exitValue() + "): " + text.strip());
    }
    return text;
  }

  private static void copy(InputStream in, ByteArrayOutputStream out) {
    try (in) {
      in.transferTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
