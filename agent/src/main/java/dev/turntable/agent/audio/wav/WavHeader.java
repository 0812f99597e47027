package dev.turntable.agent.audio.wav;

import dev.turntable.agent.audio.PcmFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Where the PCM sits in a WAV file and what it is. Parsed by hand because {@code AudioSystem}
 * rejects files whose sizes were never finalised (a recorder that crashed or was killed), which
 * are exactly the files worth salvaging.
 */
record WavHeader(int formatTag, int channels, int sampleRate, int bitsPerSample, long dataOffset, long dataLength) {
  static final int CANONICAL_SIZE = 44;
  static final int RIFF_SIZE_OFFSET = 4;
  static final int DATA_SIZE_OFFSET = 40;

  private static final int PCM = 1;
  private static final int EXTENSIBLE = 0xFFFE;
  private static final long UNFINALISED = 0xFFFF_FFFFL;

  boolean isMono16BitPcm() {
    return formatTag == PCM && channels == 1 && bitsPerSample == 16;
  }

  /** The PCM format, after checking it is mono 16-bit PCM at a supported rate. */
  PcmFormat pcmFormat(Path file) throws WavFormatException {
    if (!isMono16BitPcm() || sampleRate < 8_000 || sampleRate > 48_000) {
      throw WavFormatException.unsupported(file, describe());
    }
    return new PcmFormat(sampleRate);
  }

  String describe() {
    String encoding = formatTag == PCM ? "PCM" : "format tag 0x" + Integer.toHexString(formatTag);
    return "(" + channels + " channel(s), " + bitsPerSample + "-bit " + encoding + ", " + sampleRate + " Hz)";
  }

  /**
   * Reads the RIFF chunks up to the start of the data. A data size of 0 or 0xFFFFFFFF, or one
   * larger than the file, means the writer never finalised it: the data runs to the end of file.
   */
  static WavHeader read(Path file, SeekableByteChannel channel) throws IOException {
    long fileSize = channel.size();
    ByteBuffer riff = readAt(file, channel, 0, 12, "no RIFF header");
    String riffId = fourCc(riff, 0);
    if (!riffId.equals("RIFF") || !fourCc(riff, 8).equals("WAVE")) {
      throw WavFormatException.notWav(file, '"' + riffId + "\"…\"" + fourCc(riff, 8) + '"');
    }
    Format format = null;
    long position = 12;
    while (true) {
      ByteBuffer chunk = readAt(file, channel, position, 8, "no data chunk");
      String id = fourCc(chunk, 0);
      long size = Integer.toUnsignedLong(chunk.getInt(4));
      long body = position + 8;
      if (id.equals("fmt ")) {
        format = Format.read(file, readAt(file, channel, body, (int) Math.min(size, 40), "fmt chunk cut short"), size);
      } else if (id.equals("data")) {
        if (format == null) {
          throw WavFormatException.corrupt(file, "data chunk before the fmt chunk");
        }
        long available = fileSize - body;
        long length = size == 0 || size == UNFINALISED || size > available ? available : size;
        return new WavHeader(format.tag, format.channels, format.rate, format.bits, body, length);
      } else if (size == UNFINALISED) {
        throw WavFormatException.corrupt(file, "chunk \"" + id + "\" has no size");
      }
      position = body + size + (size & 1); // RIFF pads odd-sized chunks to an even length
    }
  }

  private record Format(int tag, int channels, int rate, int bits) {
    static Format read(Path file, ByteBuffer fmt, long size) throws WavFormatException {
      if (size < 16) {
        throw WavFormatException.corrupt(file, "fmt chunk is " + size + " bytes, at least 16 needed");
      }
      int tag = Short.toUnsignedInt(fmt.getShort(0));
      if (tag == EXTENSIBLE && size >= 26) {
        tag = Short.toUnsignedInt(fmt.getShort(24)); // the sub-format GUID starts with the real tag
      }
      return new Format(tag, Short.toUnsignedInt(fmt.getShort(2)), fmt.getInt(4), Short.toUnsignedInt(fmt.getShort(14)));
    }
  }

  private static ByteBuffer readAt(Path file, SeekableByteChannel channel, long position, int length, String missing)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    channel.position(position);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer) < 0) {
        throw WavFormatException.truncated(file, missing, channel.size());
      }
    }
    return buffer.flip();
  }

  private static String fourCc(ByteBuffer buffer, int offset) {
    byte[] id = new byte[4];
    buffer.get(offset, id);
    for (int i = 0; i < id.length; i++) {
      if (id[i] < 0x20 || id[i] > 0x7e) {
        id[i] = '?';
      }
    }
    return new String(id, StandardCharsets.US_ASCII);
  }
}
