package dev.turntable.agent.time;

/**
 * A clock that runs {@code speed} times faster than the system clock, starting at zero. Replay at N×
 * paces the microphone N times faster and gives the agent this clock, so every duration the agent
 * measures is in session time, identical at any speed.
 */
public final class ScaledClock implements Clock {
  private final Clock base;
  private final double speed;
  private final long origin;

  public ScaledClock(Clock base, double speed) {
    if (!(speed > 0)) {
      throw new IllegalArgumentException("speed must be positive, was " + speed);
    }
    this.base = base;
    this.speed = speed;
    this.origin = base.nanoTime();
  }

  @Override
  public long nanoTime() {
    return (long) ((base.nanoTime() - origin) * speed);
  }

  public double speed() {
    return speed;
  }
}
