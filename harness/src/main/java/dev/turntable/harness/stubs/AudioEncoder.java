package dev.turntable.harness.stubs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.apache.commons.io.FileUtils;

/**
 * Turns the stubs' speech (mono S16LE PCM) into the {@link SpeechFormat} a client asked for.
 * PCM, float, μ-law and A-law, raw or in WAV, are Java Sound's own conversions. MP3 and Opus come
 * from a system encoder found on the PATH: {@code lame} (MP3), {@code opusenc} (Ogg Opus) or
 * {@code ffmpeg} (both); without one, {@link #encode} refuses with what to install.
 */
final class AudioEncoder {
  private static final long PROCESS_TIMEOUT_SECONDS = 30;

  private final Optional<Path> lame;
  private final Optional<Path> opusenc;
  private final Optional<Path> ffmpeg;

  AudioEncoder(Optional<Path> lame, Optional<Path> opusenc, Optional<Path> ffmpeg) {
    this.lame = lame;
    this.opusenc = opusenc;
    this.ffmpeg = ffmpeg;
  }

  /** With whichever of lame, opusenc and ffmpeg are on the PATH. */
  static AudioEncoder fromPath() {
    return new AudioEncoder(
        EspeakSpeech.findOnPath("lame"), EspeakSpeech.findOnPath("opusenc"), EspeakSpeech.findOnPath("ffmpeg"));
  }

  /** Whether {@link #encode} can make this format here. */
  boolean canEncode(SpeechFormat format) {
    return switch (format.encoding()) {
      case MP3 -> lame.isPresent() || ffmpeg.isPresent();
      case OPUS -> opusenc.isPresent() || ffmpeg.isPresent();
      default -> true;
    };
  }

  /**
   * {@code pcm} (mono S16LE at {@code format.sampleRate()}) in {@code format}.
   *
   * @throws UnsupportedOperationException when no encoder for the format is installed; the
   *     message says which to install
   * @throws IOException when the encoder fails
   */
  byte[] encode(byte[] pcm, SpeechFormat format) throws IOException {
    if (format.isRawPcm()) {
      return pcm;
    }
    return switch (format.encoding()) {
      case MP3 -> compressed(pcm, format, lame.map(this::lameCommand), "lame (apt-get install lame) or ffmpeg");
      case OPUS -> compressed(pcm, format, opusenc.map(this::opusencCommand),
          "opusenc (apt-get install opus-tools) or ffmpeg");
      default -> javaSound(pcm, format);
    };
  }

  private interface Command {
    List<String> build(Path in, Path out, SpeechFormat format);
  }

  private byte[] compressed(byte[] pcm, SpeechFormat format, Optional<Command> preferred, String install)
      throws IOException {
    Command command = preferred.or(() -> ffmpeg.map(this::ffmpegCommand)).orElseThrow(() ->
        new UnsupportedOperationException("the Turntable stub cannot encode " + format + " on this machine:"
            + " install " + install + ", or ask for raw PCM"));
    Path dir = Files.createTempDirectory("turntable-encode");
    try {
      Path in = Files.write(dir.resolve("speech.raw"), pcm);
      Path out = dir.resolve("speech.out");
      run(dir, command.build(in, out, format));
      return Files.readAllBytes(out);
    } finally {
      FileUtils.deleteQuietly(dir.toFile());
    }
  }

  private Command lameCommand(Path lame) {
    return (in, out, f) -> List.of(lame.toString(), "--silent", "-r", "-s", khz(f.sampleRate()), "--bitwidth", "16",
        "--signed", "--little-endian", "-m", "m", "--cbr", "-b", Integer.toString(f.bitRate() / 1000),
        in.toString(), out.toString());
  }

  private Command opusencCommand(Path opusenc) {
    return (in, out, f) -> List.of(opusenc.toString(), "--quiet", "--raw", "--raw-bits", "16", "--raw-rate",
        Integer.toString(f.sampleRate()), "--raw-chan", "1", "--bitrate", Integer.toString(f.bitRate() / 1000),
        in.toString(), out.toString());
  }

  private Command ffmpegCommand(Path ffmpeg) {
    return (in, out, f) -> {
      List<String> command = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-loglevel", "error",
          "-f", "s16le", "-ar", Integer.toString(f.sampleRate()), "-ac", "1", "-i", in.toString(),
          "-b:a", Integer.toString(f.bitRate())));
      command.addAll(f.encoding() == SpeechFormat.Encoding.MP3
          ? List.of("-c:a", "libmp3lame", "-f", "mp3")
          : List.of("-c:a", "libopus", "-f", "ogg"));
      command.add(out.toString());
      return command;
    };
  }

  private static String khz(int sampleRate) {
    return String.format(Locale.ROOT, "%.3f", sampleRate / 1000.0).replaceAll("\\.?0+$", "");
  }

  private static byte[] javaSound(byte[] pcm, SpeechFormat format) throws IOException {
    float rate = format.sampleRate();
    AudioFormat source = new AudioFormat(rate, 16, 1, true, false);
    AudioInputStream samples;
    if (format.encoding() == SpeechFormat.Encoding.PCM_F32LE) {
      samples = new AudioInputStream(new ByteArrayInputStream(toFloat(pcm)),
          new AudioFormat(AudioFormat.Encoding.PCM_FLOAT, rate, 32, 1, 4, rate, false), pcm.length / 2);
    } else {
      AudioInputStream s16 = new AudioInputStream(new ByteArrayInputStream(pcm), source, pcm.length / 2);
      samples = format.encoding() == SpeechFormat.Encoding.PCM_S16LE ? s16
          : AudioSystem.getAudioInputStream(new AudioFormat(format.encoding() == SpeechFormat.Encoding.MULAW
              ? AudioFormat.Encoding.ULAW : AudioFormat.Encoding.ALAW, rate, 8, 1, 1, rate, false), s16);
    }
    if (format.container() == SpeechFormat.Container.RAW) {
      return samples.readAllBytes();
    }
    ByteArrayOutputStream wav = new ByteArrayOutputStream();
    AudioSystem.write(samples, AudioFileFormat.Type.WAVE, wav);
    return wav.toByteArray();
  }

  private static byte[] toFloat(byte[] pcm) {
    ByteBuffer in = ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN);
    ByteBuffer out = ByteBuffer.allocate(pcm.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    while (in.remaining() >= 2) {
      out.putFloat(in.getShort() / 32768f);
    }
    return out.array();
  }

  private static void run(Path dir, List<String> command) throws IOException {
    Path log = dir.resolve("encoder.log");
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
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
      throw new IOException(command.get(0) + " exited with " + process.exitValue() + ": "
          + Files.readString(log, StandardCharsets.UTF_8).strip());
    }
  }
}
