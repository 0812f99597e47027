package dev.turntable.agent.audio.wav;

import dev.turntable.agent.audio.PcmFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Streams mono 16-bit PCM into a WAV file. The header is valid from the start and rewritten on
 * every {@link #flush()}, so a process that dies mid-recording leaves a file that plays up to the
 * last flush; {@link #close()} finalises it. Thread-safe: a recorder may write from one thread and
 * flush from another.
 */
public final class WavWriter implements AutoCloseable {
  private static final int BUFFER_BYTES = 64 * 1024;
  private static final long MAX_DATA_BYTES = 0xFFFF_FFFFL - WavHeader.CANONICAL_SIZE;

  private final Path file;
  private final PcmFormat format;
  private final FileChannel channel;
  private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
  private long dataBytes; // accepted, including what is still in the buffer
  private long fileDataBytes; // already in the file
  private boolean closed;

  private WavWriter(Path file, PcmFormat format, FileChannel channel) {
    this.file = file;
    this.format = format;
    this.channel = channel;
  }

  /** Creates (or truncates) {@code file} and writes a header for zero bytes of audio. */
  public static WavWriter create(Path file, PcmFormat format) throws IOException {
    Objects.requireNonNull(format, "format");
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    WavWriter writer = new WavWriter(file, format, channel);
    try {
      writeFully(channel, writer.header(false), 0);
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    return writer;
  }

  public Path file() {
    return file;
  }

  public PcmFormat format() {
    return format;
  }

  public synchronized void write(byte[] pcm) throws IOException {
    write(pcm, 0, pcm.length);
  }

  public synchronized void write(byte[] pcm, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, pcm.length);
    ensureOpen();
    if (dataBytes + length > MAX_DATA_BYTES) {
      throw new IOException(file + ": a WAV file cannot hold more than 4 GiB of audio");
    }
    int done = 0;
    while (done < length) {
      if (!buffer.hasRemaining()) {
        writeBuffer();
      }
      int n = Math.min(buffer.remaining(), length - done);
      buffer.put(pcm, offset + done, n);
      done += n;
    }
    dataBytes += length;
  }

  /** Bytes of PCM accepted so far (written or buffered). */
  public synchronized long dataBytes() {
    return dataBytes;
  }

  /** Writes the buffered audio and a header that covers it, so the file is readable as it stands. */
  public synchronized void flush() throws IOException {
    ensureOpen();
    writeBuffer();
    writeFully(channel, header(false), 0);
  }

  /** Finalises the file: writes what is buffered, pads the data chunk if odd, and closes. */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    try {
      writeBuffer();
      if (dataBytes % 2 == 1) {
        writeFully(channel, ByteBuffer.wrap(new byte[1]), channel.size()); // RIFF chunks have even length
      }
      writeFully(channel, header(true), 0);
    } finally {
      closed = true;
      channel.close();
    }
  }

  private ByteBuffer header(boolean padded) {
    long pad = padded ? dataBytes % 2 : 0;
    ByteBuffer header = ByteBuffer.allocate(WavHeader.CANONICAL_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    header.put(ascii("RIFF")).putInt((int) (36 + dataBytes + pad)).put(ascii("WAVE"));
    header.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1);
    header.putInt(format.sampleRate()).putInt(format.bytesPerSecond());
    header.putShort((short) PcmFormat.BYTES_PER_FRAME).putShort((short) 16);
    header.put(ascii("data")).putInt((int) dataBytes);
    return header.flip();
  }

  private void writeBuffer() throws IOException {
    buffer.flip();
    int length = buffer.remaining();
    writeFully(channel, buffer, WavHeader.CANONICAL_SIZE + fileDataBytes);
    fileDataBytes += length;
    buffer.clear();
  }

  private void ensureOpen() throws IOException {
    if (closed) {
      throw new IOException(file + ": WAV writer is closed");
    }
  }

  private static void writeFully(FileChannel channel, ByteBuffer data, long position) throws IOException {
    long at = position;
    while (data.hasRemaining()) {
      at += channel.write(data, at);
    }
  }

  private static byte[] ascii(String fourCc) {
    return fourCc.getBytes(StandardCharsets.US_ASCII);
  }
}
