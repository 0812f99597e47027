package dev.turntable.harness.e2e;

import dev.turntable.harness.e2e.MonitorRecording.Recording;
import dev.turntable.harness.fixture.Fixture;

/**
 * What one live session left behind: the user's track and where it was meant to start in the
 * agent's stream, the agent's line buffer, the vmic.monitor and vspeaker.monitor recordings, and
 * the fixture {@code turntable agent --record} wrote.
 */
record LiveSession(
    UserTrack user, long plannedStreamOffsetMs, int lineBufferMs, Recording mic, Recording speaker, Fixture fixture) {}
