package dev.turntable.harness.e2e;

import dev.turntable.harness.e2e.MonitorRecording.Recording;
import dev.turntable.harness.fixture.Fixture;
import java.util.List;

/** One run of the echo test: what STT heard, the agent's fixture, what the speaker played. */
record EchoRun(
    String aec,
    List<HearingDriver.Line> lines,
    List<HearingDriver.Heard> heard,
    Fixture fixture,
    Recording speaker,
    List<String> agentOutput) {}
