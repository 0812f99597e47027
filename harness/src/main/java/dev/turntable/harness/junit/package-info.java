/**
 * JUnit 5: {@link dev.turntable.harness.junit.TurntableExtension} replays the fixture a {@link
 * dev.turntable.harness.junit.Replay}-annotated parameter names and injects its {@code
 * ReplayResult}. Both are public.
 */
package dev.turntable.harness.junit;
