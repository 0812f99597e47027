/**
 * Taps on the agent's edges that write a fixture while a live session runs.
 *
 * <p>Public only for the command line and live re-recording, not meant for other projects' tests:
 * {@link dev.turntable.harness.record.SessionRecorder}, {@link
 * dev.turntable.harness.record.RecordingManifest}.
 */
package dev.turntable.harness.record;
