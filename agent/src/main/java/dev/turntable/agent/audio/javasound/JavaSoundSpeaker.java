package dev.turntable.agent.audio.javasound;

import dev.turntable.agent.audio.AudioSink;
import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.audio.PlaybackEvent;
import dev.turntable.agent.audio.PlaybackListener;
import dev.turntable.agent.time.Clock;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.SourceDataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A speaker on a Java Sound {@link SourceDataLine}. {@link #play} and {@link #stop} only enqueue
 * commands; one named writer thread owns the line, writes no more than the line can take without
 * blocking, and polls the line's frame position every few milliseconds to report what really came
 * out. Events reach the listener on that thread.
 *
 * <p>{@code stop()} closes the line and opens a fresh one. Measured on PulseAudio's ALSA plugin,
 * {@code flush()} left the line unable to start a short clip: it was never heard, its position
 * jumped to "played" at once, and its frames leaked into the next playback. Closing silenced the
 * output within a few ms and a new line opened in under 10 ms.
 *
 * <p>After {@link PlaybackEvent.DeviceLost} the speaker is dead: it drops further audio; close it
 * and open a new one.
 */
public final class JavaSoundSpeaker implements AudioSink {
  public static final Duration DEFAULT_BUFFER = JavaSoundLines.SAFE_BUFFER;
  static final Duration STALL_LIMIT = Duration.ofMillis(500);
  private static final long POLL_MILLIS = 4;
  private static final Logger log = LoggerFactory.getLogger(JavaSoundSpeaker.class);

  /** Opens a line; the speaker calls it again after every {@link #stop()}. */
  @FunctionalInterface
  interface LineOpener {
    SourceDataLine open() throws IOException;
  }

  private sealed interface Command {}

  private record Play(byte[] pcm) implements Command {}

  private record Stop() implements Command {}

  private record Close() implements Command {}

  private final PcmFormat format;
  private final LineOpener opener;
  private final Clock clock;
  private final BlockingQueue<Command> commands = new LinkedBlockingQueue<>();
  private final PcmQueue pending = new PcmQueue();
  private final PlaybackTracker tracker;
  private final Thread writer;
  private volatile PlaybackListener listener = event -> {};
  private volatile long framesPlayed;
  private volatile boolean closed;
  private SourceDataLine line; // writer thread only, after construction
  private boolean lineStarted;
  private boolean lost;
  private byte[] scratch;

  /**
   * Opens a speaker at {@code format} (the TTS output rate).
   *
   * @param device a listed device, or null for the system default
   * @param buffer the line buffer; {@link #DEFAULT_BUFFER} unless you have measured otherwise
   * @throws NoAudioDeviceException if there is no such output, with the devices that exist
   * @throws IOException if the device exists but cannot be opened
   */
  public static JavaSoundSpeaker open(AudioDevice device, PcmFormat format, Duration buffer) throws IOException {
    Objects.requireNonNull(format, "format");
    JavaSoundLines.bufferBytes(format, buffer); // validate before opening anything
    return new JavaSoundSpeaker(format, () -> JavaSoundLines.openSpeaker(device, format, buffer), Clock.system(),
        STALL_LIMIT);
  }

  /** The default device, {@link #DEFAULT_BUFFER}. */
  public static JavaSoundSpeaker open(PcmFormat format) throws IOException {
    return open(null, format, DEFAULT_BUFFER);
  }

  JavaSoundSpeaker(PcmFormat format, LineOpener opener, Clock clock, Duration stallLimit) throws IOException {
    this.format = format;
    this.opener = opener;
    this.clock = clock;
    this.tracker = new PlaybackTracker(stallLimit.toNanos());
    useLine(opener.open());
    this.writer = new Thread(this::run, "turntable-speaker");
    writer.setDaemon(true);
    writer.start();
  }

  @Override
  public PcmFormat format() {
    return format;
  }

  @Override
  public void setListener(PlaybackListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** Queues audio. {@code pcm} is a byte stream: a chunk may end mid-frame; the rest comes next. */
  @Override
  public void play(byte[] pcm) {
    Objects.requireNonNull(pcm, "pcm");
    if (closed) {
      throw new IllegalStateException("the speaker is closed");
    }
    if (pcm.length > 0) {
      commands.add(new Play(pcm));
    }
  }

  /** Silences the output and drops all queued audio; always answered by a {@code Stopped} event. */
  @Override
  public void stop() {
    if (!closed) {
      commands.add(new Stop());
    }
  }

  @Override
  public long framesPlayed() {
    return framesPlayed;
  }

  /** Stops the output at once (queued audio is dropped), ends the writer thread, closes the line. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    commands.add(new Close());
    try {
      writer.join(Duration.ofSeconds(2).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (writer.isAlive()) {
      log.warn("speaker writer thread did not end within 2 s; interrupting it");
      writer.interrupt();
    }
  }

  private void run() {
    try {
      while (true) {
        Command command = tracker.active() ? commands.poll(POLL_MILLIS, TimeUnit.MILLISECONDS) : commands.take();
        while (command != null) {
          if (command instanceof Close) {
            return;
          }
          handle(command);
          command = commands.poll();
        }
        if (!lost && tracker.active()) {
          pump();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.error("speaker writer failed; the speaker is dead", e);
      reportLost("speaker writer failed: " + e);
    } finally {
      if (line != null) {
        line.close();
      }
    }
  }

  private void handle(Command command) {
    if (command instanceof Play play) {
      if (lost) {
        log.debug("dropping {} bytes: the speaker lost its device", play.pcm().length);
        return;
      }
      pending.add(play.pcm());
      tracker.audioQueued(clock.nanoTime());
    } else if (command instanceof Stop) {
      stopPlayback();
    }
  }

  /** Writes what fits without blocking, then reads the position and reports what it means. */
  private void pump() {
    int room = Math.min(line.available(), scratch.length);
    room -= room % PcmFormat.BYTES_PER_FRAME;
    if (room > 0 && pending.hasFrames()) {
      int offered = pending.peek(scratch, room);
      int accepted = line.write(scratch, 0, offered);
      pending.remove(accepted);
      tracker.written(accepted / PcmFormat.BYTES_PER_FRAME, clock.nanoTime());
      if (!lineStarted && accepted > 0) {
        // Start only with data in the buffer: a line started empty on the PulseAudio ALSA plugin
        // stayed stuck and its position ran ahead of what had been written.
        line.start();
        lineStarted = true;
      }
    }
    readPosition();
  }

  private void readPosition() {
    var events = tracker.positionRead(line.getLongFramePosition(), pending.hasFrames(), clock.nanoTime());
    framesPlayed = tracker.framesPlayed();
    for (PlaybackEvent event : events) {
      emit(event);
      if (event instanceof PlaybackEvent.DeviceLost) {
        markLost();
      }
    }
  }

  private void stopPlayback() {
    if (lost || !(tracker.active() || tracker.framesInFlight() > 0)) {
      pending.clear();
      emit(new PlaybackEvent.Stopped(tracker.framesPlayed())); // silent already
      return;
    }
    readPosition(); // count what was heard up to this instant, while the queue still says "more"
    pending.clear();
    line.close(); // silences at once; see the class comment for why not flush()
    tracker.lineReplaced();
    emit(new PlaybackEvent.Stopped(tracker.framesPlayed()));
    try {
      useLine(opener.open());
    } catch (IOException | RuntimeException e) {
      line = null;
      reportLost("could not reopen the speaker after stop: " + e.getMessage());
    }
  }

  private void useLine(SourceDataLine opened) {
    line = opened;
    lineStarted = false;
    scratch = new byte[opened.getBufferSize()];
  }

  private void reportLost(String message) {
    if (!lost) {
      markLost();
      emit(new PlaybackEvent.DeviceLost(tracker.framesPlayed(), message));
    }
  }

  private void markLost() {
    lost = true;
    pending.clear();
  }

  private void emit(PlaybackEvent event) {
    framesPlayed = tracker.framesPlayed();
    try {
      listener.onPlayback(event);
    } catch (RuntimeException e) {
      log.warn("playback listener failed on {}", event, e);
    }
  }
}
