/**
 * The Gherkin step library: add {@code dev.turntable.harness.cucumber} to Cucumber's glue (it needs
 * {@code cucumber-picocontainer}, which this artifact brings). A scenario starts from a recorded
 * fixture or an inline conversation, may change the policy, the turn detection, the services'
 * timing and faults, and checks barge-in decisions, turn timing, memory and recovery. The steps
 * are listed in {@code harness/docs/conversation-script.md}.
 *
 * <p>Public: the step classes ({@link dev.turntable.harness.cucumber.SessionSteps}, {@link
 * dev.turntable.harness.cucumber.BargeInSteps}, {@link dev.turntable.harness.cucumber.TurnTimingSteps},
 * {@link dev.turntable.harness.cucumber.ConversationSteps}, {@link
 * dev.turntable.harness.cucumber.LabelSteps}, {@link dev.turntable.harness.cucumber.AgentSettingSteps}, {@link dev.turntable.harness.cucumber.FalseInterruptionSteps}, {@link dev.turntable.harness.cucumber.GraceWindowSteps}, {@link dev.turntable.harness.cucumber.LabelledLineSteps}, {@link dev.turntable.harness.cucumber.ServiceFailureSteps}, {@link dev.turntable.harness.cucumber.ThinkingSteps}), the hooks ({@link
 * dev.turntable.harness.cucumber.TimelineAttachment}), the parameter types ({@link
 * dev.turntable.harness.cucumber.ParameterTypes}), and the per-scenario state a team's own steps
 * can take in their constructor ({@link dev.turntable.harness.cucumber.ScenarioSession}, {@link
 * dev.turntable.harness.cucumber.SessionResult}).
 */
package dev.turntable.harness.cucumber;
