/**
 * Runs the real agent core against a fixture or a scripted conversation, on virtual time (the
 * default: in-process ports, byte-identical run to run) or over the wire (loopback mocks, real
 * adapters, at a speed), and judges the run.
 *
 * <p>Public: {@link dev.turntable.harness.replay.FixtureReplay} and {@link
 * dev.turntable.harness.replay.ScriptedReplay} (for a {@link
 * dev.turntable.harness.replay.ConversationScript}), with {@link
 * dev.turntable.harness.replay.ReplayOptions}, {@link dev.turntable.harness.replay.ReplayClock}
 * and {@link dev.turntable.harness.replay.RecordMode}; they return a {@link
 * dev.turntable.harness.replay.ReplayResult}, whose raw run is a {@link
 * dev.turntable.harness.replay.SessionRun} outcome with the spans the {@link
 * dev.turntable.harness.replay.CapturingSpeaker} played.
 *
 * <p>Public only for the command line, the benchmarks, the steps and the JUnit extension, not
 * meant for other projects' tests: {@link dev.turntable.harness.replay.ConversationAudio}, {@link
 * dev.turntable.harness.replay.FixtureSettings}, {@link
 * dev.turntable.harness.replay.FixtureSynthesizer}, {@link
 * dev.turntable.harness.replay.LiveRerecord}, {@link dev.turntable.harness.replay.MockServices},
 * {@link dev.turntable.harness.replay.ReplaySpeed}.
 */
package dev.turntable.harness.replay;
