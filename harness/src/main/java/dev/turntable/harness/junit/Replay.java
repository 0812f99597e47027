package dev.turntable.harness.junit;

import dev.turntable.harness.replay.ReplayClock;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects the replay of a fixture into a test method parameter of type {@code ReplayResult}:
 *
 * <pre>{@code
 * @ExtendWith(TurntableExtension.class)
 * class BargeInTest {
 *   @Test
 *   void stopsForWaitStop(@Replay("fixtures/barge-in-wait-stop") ReplayResult replay) {
 *     assertThat(replay.measures().accepted()).isEqualTo(1);
 *   }
 * }
 * }</pre>
 *
 * A relative path is looked up from the working directory and then from each folder above it, so
 * tests of a Maven module find the project's top-level {@code fixtures/}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Replay {
  /** The fixture folder. */
  String value();

  /** Virtual time (the default) or over the wire through the mocks and the real adapters. */
  ReplayClock clock() default ReplayClock.VIRTUAL;

  /** Wire replays only: how many times faster than real time. */
  double speed() default 1;
}
