package dev.turntable.harness;

/**
 * What the integration tests share, named for JUnit's {@code @ResourceLock}. Failsafe runs the IT
 * classes concurrently (harness/pom.xml); these locks keep apart the ones that must not overlap.
 *
 * <p>The two cores: a test that keeps the CPU busy in bursts (starting JVMs, a browser or
 * containers, building an image, benchmarks) holds one of {@link #CORE_1} and {@link #CORE_2}
 * {@code READ_WRITE}, so at most two of them run at once. A test whose verdict depends on real time
 * (audio judged by when it plays, replays over the wire compared with virtual time) holds both
 * {@code READ}: none of the busy tests runs beside it, while such tests, which mostly wait on their
 * recorded timing, may run beside each other. Those carry an {@code @Order}: they start first and
 * take their shared locks together, before a busy test queues for a core, for a queued exclusive
 * lock holds off every shared one asked for after it.
 */
public final class SharedResources {
  /**
   * The virtual microphone and speaker (PulseAudio) and the echo path between them. A test that
   * plays into or records them, switches the echo path or opens JavaSound lines (even to probe
   * them, which briefly opens a stream) holds it {@code READ_WRITE}: a second stream on the
   * microphone would be heard, or taken for the agent's.
   */
  public static final String AUDIO_DEVICES = "turntable.audio-devices";

  /** One core's worth of bursty CPU load; see the class comment. */
  public static final String CORE_1 = "turntable.core-1";

  /** The other core's; see the class comment. */
  public static final String CORE_2 = "turntable.core-2";

  private SharedResources() {}
}
