package dev.turntable.harness.stubs;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.apache.commons.io.FileUtils;

/**
 * Real speech: {@code espeak-ng} writes a WAV (22,050 Hz), then {@code sox} resamples it to the
 * requested rate, or, without sox, {@link LinearResampler} does.
 */
final class EspeakSpeech implements SpeechRenderer {
  private static final long PROCESS_TIMEOUT_SECONDS = 20;

  private final Path espeak;
  private final Optional<Path> sox;

  EspeakSpeech(Path espeak, Optional<Path> sox) {
    this.espeak = espeak;
    this.sox = sox;
  }

  /** espeak-ng from the PATH, with sox when it is there too; empty without espeak-ng. */
  static Optional<EspeakSpeech> onPath() {
    return findOnPath("espeak-ng").map(espeak -> new EspeakSpeech(espeak, findOnPath("sox")));
  }

  @Override
  public String name() {
    return sox.isPresent() ? "espeak-ng+sox" : "espeak-ng";
  }

  @Override
  public byte[] render(String text, int sampleRate) throws IOException {
    Path dir = Files.createTempDirectory("turntable-tts");
    try {
      Path script = Files.writeString(dir.resolve("text.txt"), text, StandardCharsets.UTF_8);
      Path wav = dir.resolve("speech.wav");
      run(dir, List.of(espeak.toString(), "-v", "en-us", "-f", script.toString(), "-w", wav.toString()));
      if (sox.isPresent()) {
        Path raw = dir.resolve("speech.raw");
        run(dir, List.of(sox.get().toString(), wav.toString(), "-r", Integer.toString(sampleRate),
            "-e", "signed-integer", "-b", "16", "-c", "1", "-L", "-t", "raw", raw.toString()));
        return Files.readAllBytes(raw);
      }
      return resampledWav(wav, sampleRate);
    } finally {
      FileUtils.deleteQuietly(dir.toFile());
    }
  }

  private static byte[] resampledWav(Path wav, int sampleRate) throws IOException {
    try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
      AudioFormat format = in.getFormat();
      if (format.getChannels() != 1 || format.getSampleSizeInBits() != 16 || format.isBigEndian()) {
        throw new IOException("espeak-ng wrote " + format + "; expected mono 16-bit little-endian PCM");
      }
      return LinearResampler.resample(in.readAllBytes(), Math.round(format.getSampleRate()), sampleRate);
    } catch (UnsupportedAudioFileException e) {
      throw new IOException("espeak-ng wrote a WAV file Java cannot read: " + wav, e);
    }
  }

  private static void run(Path dir, List<String> command) throws IOException {
    Path log = dir.resolve("process.log");
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
            .redirectOutput(log.toFile()).start();
    try {
      if (!process.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(command.get(0) + " did not finish within " + PROCESS_TIMEOUT_SECONDS + " s");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for " + command.get(0), e);
    }
    if (process.exitValue() != 0) {
      throw new IOException(command.get(0) + " exited with " + process.exitValue() + ": " + tail(log));
    }
  }

  private static String tail(Path log) throws IOException {
    String output = Files.readString(log, StandardCharsets.UTF_8).strip();
    return output.length() > 400 ? "…" + output.substring(output.length() - 400) : output;
  }

  static Optional<Path> findOnPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    List<Path> candidates = new ArrayList<>();
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isBlank()) {
        candidates.add(Path.of(dir, program));
      }
    }
    return candidates.stream().filter(Files::isExecutable).findFirst();
  }
}
