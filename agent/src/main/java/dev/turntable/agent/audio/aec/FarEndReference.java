package dev.turntable.agent.audio.aec;

import dev.turntable.agent.audio.PcmFormat;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * The far-end reference: the audio handed to the speaker, placed on the microphone's timeline where
 * the speaker played it, and taken one 10 ms frame per 10 ms of microphone audio. The timeline is
 * the microphone's own sample count (at the speaker's rate): frame n of the reference goes with
 * frame n of the microphone.
 *
 * <p>Why a timeline: a linear echo canceller needs the delay between the reference and the echo to
 * hold still for the whole session. Each stretch of playback (a reply, the audio after an
 * underrun or after a barge-in's stop) starts at its own moment and must be placed where it
 * started. Released "once enough had played, at the next microphone read", every stretch landed
 * up to 50 ms off, so the delay jumped at each reply; AEC3 then needs a few hundred ms to find the
 * echo again, and an echo that comes earlier than the delay it converged on cannot be cancelled
 * at all. That is how the agent heard, and interrupted, itself on open speakers.
 *
 * <p>How a stretch is placed: the microphone ties the timeline to the system clock at each read
 * ({@link #heard}); audio handed to an idle speaker opens a stretch at the timeline's "now", and
 * the speaker's report of its first sound ({@link #started}) moves it there. Its audio is
 * released as the speaker's position says it played (so what a barge-in's {@link #flush()}
 * discards never enters it) and each sample goes to its own place: audio reported played too late
 * for its frame is skipped, never shifted. A stretch starting within {@link #CONTIGUOUS_MS} of the
 * last one's end continues it: that is the position's jitter, not a pause.
 *
 * <p>Thread-safe: the event loop adds and flushes, the speaker's thread reports its first sound,
 * the microphone's thread takes frames.
 */
final class FarEndReference {
  /** A stretch starting this close after the previous one's end continues it. */
  static final int CONTIGUOUS_MS = 20;
  /** Played audio not yet taken is capped here, so a stalled microphone cannot build up a lag. */
  private static final int MAX_BACKLOG_MS = 1_000;
  /**
   * How fast the origin may creep later, so a microphone whose clock runs slow against the
   * system's is followed: 2^-12, 0.024 %, far above what real devices drift.
   */
  private static final int DRIFT_SHIFT = 12;

  private final int frameBytes;
  private final int contiguousBytes;
  private final int maxBacklogBytes;
  private final double bytesPerNano;
  private final LongSupplier nanoClock;
  private final ByteFifo queued = new ByteFifo();
  /** An odd byte of a chunk split mid-sample, waiting for the rest of its sample. */
  private final ByteArrayOutputStream carry = new ByteArrayOutputStream(1);
  private final Deque<Stretch> stretches = new ArrayDeque<>();
  private LongSupplier framesPlayed = () -> Long.MAX_VALUE;
  private boolean following;
  private long framesSeen;
  /** Bytes of reference taken so far: where the next frame starts on the timeline. */
  private long taken;
  /** Where the microphone's latest read ends on the timeline. */
  private long heardTo;
  private long heardBytes;
  private long heardNanos = -1;
  /**
   * System time of timeline position 0: when a read came back, less the audio it completed, from
   * the read that came back soonest. Reads come back up to 35 ms after their last sample (the
   * audio server hands capture over in blocks; a busy machine wakes the reader late), never
   * before it: the earliest is the steady one.
   */
  private long originNanos;
  /** The stretch the speaker is playing, or about to play; null before the first. */
  private Stretch open;

  FarEndReference(PcmFormat speaker) {
    this(speaker, System::nanoTime);
  }

  /** @param nanoClock the system clock the microphone and speaker run against (tests pass their own) */
  FarEndReference(PcmFormat speaker, LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
    this.frameBytes = WebRtcEchoCanceller.frameBytes(speaker);
    this.contiguousBytes = speaker.bytesForMillis(CONTIGUOUS_MS);
    this.maxBacklogBytes = speaker.bytesForMillis(MAX_BACKLOG_MS);
    this.bytesPerNano = speaker.bytesForMillis(1_000) / 1e9;
  }

  int frameBytes() {
    return frameBytes;
  }

  /**
   * The speaker's running count of frames played. Until set, audio counts as played when it is
   * added, and is taken from the next frame on.
   */
  synchronized void followPlayback(LongSupplier framesPlayed) {
    this.framesPlayed = framesPlayed;
    this.framesSeen = framesPlayed.getAsLong();
    this.following = true;
  }

  /** Audio handed to the speaker. Handed to an idle speaker, it starts a stretch, placed now. */
  synchronized void add(byte[] pcm) {
    catchUp();
    if (queued.size() == 0 && carry.size() == 0) {
      long start = following ? timelineNow() : taken;
      if (open == null || start >= open.start + open.length + contiguousBytes) {
        open = new Stretch(start, open == null ? Long.MIN_VALUE : open.start + open.length);
        stretches.addLast(open);
      }
    }
    carry.writeBytes(pcm);
    byte[] all = carry.toByteArray();
    int whole = all.length - all.length % PcmFormat.BYTES_PER_FRAME;
    queued.add(all, 0, whole);
    carry.reset();
    carry.write(all, whole, all.length - whole);
  }

  /**
   * The speaker's first sound after silence came out just now. Where audio was handed over is
   * only a guess at where it plays: an output that waits to fill its buffer starts later, by as
   * much as the audio came in slowly. So the stretch moves here, unless part of it has been used
   * already; then playback had stopped within it (an underrun) and what plays from now on is a
   * stretch of its own.
   */
  synchronized void started() {
    if (!following || open == null) {
      return;
    }
    long start = timelineNow();
    if (open.consumed == 0 && !open.sounded) {
      open.sounded = true;
      open.start = open.continuing(start, contiguousBytes);
      return;
    }
    catchUp();
    open = new Stretch(start, open.start + open.length);
    open.sounded = true;
    stretches.addLast(open);
  }

  /** Counts what has played so far, then drops what never will: the speaker is being stopped. */
  synchronized void flush() {
    catchUp();
    queued.clear();
    carry.reset();
  }

  /**
   * The microphone has just delivered {@code frames} more 10 ms frames, about to be taken: ties
   * the timeline to the system clock.
   */
  synchronized void heard(int frames) {
    long now = nanoClock.getAsLong();
    heardBytes = (long) frames * frameBytes;
    heardTo = taken + heardBytes;
    long origin = now - (long) (heardTo / bytesPerNano);
    originNanos = heardNanos < 0 ? origin : Math.min(originNanos + ((now - heardNanos) >> DRIFT_SHIFT), origin);
    heardNanos = now;
    catchUp();
  }

  /** Fills {@code frame} with the next 10 ms of the timeline: what played there, zeros elsewhere. */
  synchronized void next(byte[] frame) {
    catchUp();
    Arrays.fill(frame, 0, frameBytes, (byte) 0);
    long end = taken + frameBytes;
    while (!stretches.isEmpty()) {
      Stretch stretch = stretches.peekFirst();
      long head = stretch.start + stretch.consumed;
      if (head < taken) {
        stretch.skip((int) Math.min(taken - head, stretch.bytes.size())); // its moment has passed
        head = stretch.start + stretch.consumed;
      }
      if (stretch.bytes.size() > 0 && head < end) {
        int n = (int) Math.min(end - head, stretch.bytes.size());
        stretch.bytes.take(frame, (int) (head - taken), n);
        stretch.consumed += n;
      }
      if (stretch.bytes.size() > 0 || stretch == open) {
        break; // the rest belongs to later frames, or more of it is still to play
      }
      stretches.removeFirst();
    }
    taken = end;
  }

  synchronized int queuedBytes() {
    return queued.size();
  }

  /**
   * Where on the timeline the microphone is now: the sample it is hearing at this instant. Kept
   * within two reads of the last one, for microphones that do not run in real time (replays).
   */
  private long timelineNow() {
    if (heardNanos < 0) {
      return taken;
    }
    long position = (long) ((nanoClock.getAsLong() - originNanos) * bytesPerNano);
    position = Math.max(heardTo, Math.min(position, heardTo + 2 * heardBytes));
    return position - position % PcmFormat.BYTES_PER_FRAME;
  }

  /** Moves what the speaker has played since the last look from queued into its stretch. */
  private void catchUp() {
    long now = framesPlayed.getAsLong();
    long bytes = following ? (now - framesSeen) * PcmFormat.BYTES_PER_FRAME : queued.size();
    framesSeen = following ? now : framesSeen;
    bytes = Math.min(bytes, queued.size());
    if (bytes > 0) {
      queued.moveTo(open.bytes, (int) bytes);
      open.length += bytes;
      if (open.bytes.size() > maxBacklogBytes) {
        open.skip(open.bytes.size() - maxBacklogBytes);
      }
    }
  }

  /** A stretch of continuous playback and where it sits on the timeline. */
  private static final class Stretch {
    final ByteFifo bytes = new ByteFifo();
    /** Where the stretch before it ends on the timeline. */
    final long after;
    /** Timeline position of its first byte. */
    long start;
    /** Bytes played into it. */
    long length;
    /** Bytes taken from its front (used or skipped). */
    long consumed;
    /** Placed where the speaker reported its first sound. */
    boolean sounded;

    Stretch(long start, long after) {
      this.after = after;
      this.start = continuing(start, 0);
    }

    /** {@code start}, or the end of the stretch before when it starts within {@code near} of it. */
    long continuing(long start, int near) {
      return after != Long.MIN_VALUE && start < after + near ? after : start;
    }

    void skip(int n) {
      bytes.skip(n);
      consumed += n;
    }
  }

  /** A growable byte queue. */
  private static final class ByteFifo {
    private byte[] bytes = new byte[0];
    private int start;
    private int end;

    int size() {
      return end - start;
    }

    void add(byte[] source, int offset, int length) {
      ensureRoom(length);
      System.arraycopy(source, offset, bytes, end, length);
      end += length;
    }

    void moveTo(ByteFifo target, int length) {
      target.add(bytes, start, length);
      skip(length);
    }

    /** Copies {@code length} bytes out to {@code target} at {@code offset}. */
    void take(byte[] target, int offset, int length) {
      System.arraycopy(bytes, start, target, offset, length);
      skip(length);
    }

    void skip(int length) {
      start += length;
      if (start == end) {
        clear();
      }
    }

    void clear() {
      start = 0;
      end = 0;
    }

    private void ensureRoom(int more) {
      if (end + more <= bytes.length) {
        return;
      }
      int live = size();
      byte[] target = live + more <= bytes.length ? bytes : new byte[Math.max(2 * bytes.length, live + more)];
      System.arraycopy(bytes, start, target, 0, live);
      bytes = target;
      start = 0;
      end = live;
    }
  }
}
