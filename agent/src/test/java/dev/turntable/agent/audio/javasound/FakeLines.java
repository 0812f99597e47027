package dev.turntable.agent.audio.javasound;

import dev.turntable.agent.audio.PcmFormat;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.util.function.IntUnaryOperator;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;

/** Java Sound lines with scripted behaviour, for testing the adapters without a device. */
final class FakeLines {
  private FakeLines() {}

  /** A speaker line that "plays" {@code framesPerPositionRead} frames each time its position is read. */
  static final class Speaker {
    final int bufferBytes;
    volatile int framesPerPositionRead;
    volatile boolean acceptsWrites = true;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private long writtenFrames;
    private long playedFrames;
    private boolean started;
    private boolean startedWithEmptyBuffer;
    private boolean closed;

    Speaker(int bufferBytes, int framesPerPositionRead) {
      this.bufferBytes = bufferBytes;
      this.framesPerPositionRead = framesPerPositionRead;
    }

    synchronized byte[] received() {
      return received.toByteArray();
    }

    synchronized boolean closed() {
      return closed;
    }

    synchronized boolean startedWithEmptyBuffer() {
      return startedWithEmptyBuffer;
    }

    synchronized long playedFrames() {
      return playedFrames;
    }

    SourceDataLine line() {
      return (SourceDataLine) Proxy.newProxyInstance(getClass().getClassLoader(),
          new Class<?>[] {SourceDataLine.class}, (proxy, method, args) -> {
            synchronized (this) {
              return switch (method.getName()) {
                case "getBufferSize" -> bufferBytes;
                case "available" -> closed ? 0 : bufferBytes - (int) (writtenFrames - playedFrames) * 2;
                case "write" -> write((byte[]) args[0], (int) args[1], (int) args[2]);
                case "start" -> {
                  startedWithEmptyBuffer |= writtenFrames == playedFrames;
                  started = true;
                  yield null;
                }
                case "close" -> {
                  closed = true;
                  yield null;
                }
                case "getLongFramePosition" -> advance();
                case "isOpen" -> !closed;
                case "isRunning", "isActive" -> started && !closed;
                case "getFormat" -> PcmFormat.STT.toAudioFormat();
                case "toString" -> "FakeSpeakerLine";
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> null; // stop, flush, drain, listeners: not needed by the speaker
              };
            }
          });
    }

    private int write(byte[] data, int offset, int length) {
      int room = bufferBytes - (int) (writtenFrames - playedFrames) * 2;
      int accepted = acceptsWrites && !closed ? Math.min(length, room) : 0;
      received.write(data, offset, accepted);
      writtenFrames += accepted / 2;
      return accepted;
    }

    private long advance() {
      if (started && !closed) {
        playedFrames = Math.min(writtenFrames, playedFrames + framesPerPositionRead);
      }
      return playedFrames;
    }
  }

  /** A microphone line whose reads are answered by {@code bytesPerRead} (given the bytes asked). */
  static TargetDataLine microphone(IntUnaryOperator bytesPerRead, Runnable onRead) {
    return (TargetDataLine) Proxy.newProxyInstance(FakeLines.class.getClassLoader(),
        new Class<?>[] {TargetDataLine.class}, (proxy, method, args) -> switch (method.getName()) {
          case "read" -> {
            onRead.run();
            int n = bytesPerRead.applyAsInt((int) args[2]);
            byte[] target = (byte[]) args[0];
            for (int i = 0; i < n; i++) {
              target[(int) args[1] + i] = (byte) (i + 1);
            }
            yield n;
          }
          case "getFormat" -> PcmFormat.STT.toAudioFormat();
          case "isOpen", "isRunning" -> true;
          case "toString" -> "FakeMicrophoneLine";
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          default -> null;
        });
  }
}
