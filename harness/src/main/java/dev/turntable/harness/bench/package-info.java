/**
 * {@code turntable bench}: the speed and memory figures of the README, taken on this machine.
 *
 * <p>Public only for the command line: {@link dev.turntable.harness.bench.Bench}. Not meant for
 * other projects' tests.
 */
package dev.turntable.harness.bench;
