/**
 * Turn-timing and barge-in measures over a session's timeline, shared by replay, the steps, the
 * command line and the report. A session's {@link dev.turntable.harness.check.Timeline} (its agent
 * events) and {@link dev.turntable.harness.check.PlayedAudio} (what the speaker really played) give
 * its {@link dev.turntable.harness.check.SessionMeasures}: a {@link
 * dev.turntable.harness.check.TurnMeasure} per answered turn and a {@link
 * dev.turntable.harness.check.BargeInMeasure} per turn heard while the agent spoke. A {@link
 * dev.turntable.harness.check.Verdict} says whether the session passed and why not.
 *
 * <p>Public: the six types named here.
 */
package dev.turntable.harness.check;
