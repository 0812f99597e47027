package dev.turntable.agent.audio.wav;

import dev.turntable.agent.audio.PcmFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Reads and writes mono 16-bit PCM WAV files. */
public final class WavFile {
  private WavFile() {}

  /**
   * Reads the PCM and its format. Tolerates a header whose sizes were never finalised (0 or
   * 0xFFFFFFFF): the data then runs to the end of the file.
   *
   * @throws WavFormatException if it is not a mono 16-bit PCM WAV, naming the file
   */
  public static WavAudio read(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      WavHeader header = WavHeader.read(file, channel);
      PcmFormat format = header.pcmFormat(file);
      long length = wholeFrames(header.dataLength());
      if (length > Integer.MAX_VALUE - 8) {
        throw new IOException(file + ": " + length + " bytes of audio is too long to read at once");
      }
      ByteBuffer pcm = ByteBuffer.allocate((int) length);
      channel.position(header.dataOffset());
      while (pcm.hasRemaining() && channel.read(pcm) >= 0) {
        // keep reading: a FileChannel may return fewer bytes than asked
      }
      return new WavAudio(format, wholeFramesOf(pcm));
    }
  }

  /** Like {@link #read(Path)}, and also checks the sample rate. */
  public static WavAudio read(Path file, PcmFormat expected) throws IOException {
    WavAudio audio = read(file);
    if (!audio.format().equals(expected)) {
      throw WavFormatException.wrongRate(file, audio.format().sampleRate(), expected.sampleRate());
    }
    return audio;
  }

  /** Writes a complete, finalised WAV file, replacing any existing one. */
  public static void write(Path file, WavAudio audio) throws IOException {
    try (WavWriter writer = WavWriter.create(file, audio.format())) {
      writer.write(audio.pcm());
    }
  }

  static long wholeFrames(long bytes) {
    return bytes - bytes % PcmFormat.BYTES_PER_FRAME;
  }

  /** The bytes read, cut to whole frames (the file may have ended early). */
  private static byte[] wholeFramesOf(ByteBuffer buffer) {
    buffer.flip();
    byte[] pcm = new byte[(int) wholeFrames(buffer.remaining())];
    buffer.get(pcm);
    return pcm;
  }
}
