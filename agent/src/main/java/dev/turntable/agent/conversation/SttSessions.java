package dev.turntable.agent.conversation;

/**
 * The recognizer sessions of one conversation. A reconnected session counts its audio (and its
 * word timestamps) from 0 again, from the first frame it receives, which is about when its Begin
 * arrives; the offset puts its words back on the stream's axis. Touched only on the event loop.
 */
final class SttSessions {
  private static final long NEVER = Long.MIN_VALUE;

  private int begun;
  private long offsetMs;
  private long lostAtNanos = NEVER;

  long offsetMs() {
    return offsetMs;
  }

  /** The connection dropped and the adapter is reconnecting. */
  void lost(long atNanos) {
    if (lostAtNanos == NEVER) {
      lostAtNanos = atNanos;
    }
  }

  /**
   * A session began at {@code streamMs}.
   *
   * @return when the previous connection was lost, or {@link Long#MIN_VALUE} for the first session
   */
  long began(long atNanos, long streamMs) {
    begun++;
    long lost = lostAtNanos;
    lostAtNanos = NEVER;
    if (begun == 1) {
      return NEVER;
    }
    offsetMs = streamMs;
    return lost == NEVER ? atNanos : lost;
  }
}
