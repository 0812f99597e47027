/**
 * Turntable's test harness, {@code dev.turntable:turntable-harness}, as another project uses it: a
 * test dependency that brings the Gherkin step library, a JUnit 5 extension, replay on virtual time
 * or over the wire, the fixture reader, a mock AssemblyAI streaming server, stubs of the LLM and TTS
 * services, the turn-timing and barge-in measures, the HTML report and a Testcontainers module.
 * Everything else is package-private. {@code PublicApiTest} keeps this list equal to the public
 * types and checks that no public signature names a type a consumer cannot see.
 *
 * <h2>For your tests</h2>
 *
 * <ul>
 *   <li>Step library (glue {@code dev.turntable.harness.cucumber}): {@link
 *       dev.turntable.harness.cucumber.SessionSteps}, {@link
 *       dev.turntable.harness.cucumber.BargeInSteps}, {@link
 *       dev.turntable.harness.cucumber.TurnTimingSteps}, {@link
 *       dev.turntable.harness.cucumber.ConversationSteps}, {@link
 *       dev.turntable.harness.cucumber.LabelSteps}, {@link
 *       dev.turntable.harness.cucumber.AgentSettingSteps}, {@link
 *       dev.turntable.harness.cucumber.FalseInterruptionSteps}, {@link
 *       dev.turntable.harness.cucumber.GraceWindowSteps}, {@link
 *       dev.turntable.harness.cucumber.LabelledLineSteps}, {@link
 *       dev.turntable.harness.cucumber.ServiceFailureSteps}, {@link
 *       dev.turntable.harness.cucumber.ThinkingSteps}, {@link
 *       dev.turntable.harness.cucumber.TimelineAttachment}, {@link
 *       dev.turntable.harness.cucumber.ParameterTypes}; your own steps take {@link
 *       dev.turntable.harness.cucumber.ScenarioSession} in their constructor and read its {@link
 *       dev.turntable.harness.cucumber.SessionResult}.
 *   <li>JUnit 5: {@link dev.turntable.harness.junit.TurntableExtension} injects a {@link
 *       dev.turntable.harness.junit.Replay}-annotated parameter.
 *   <li>Replay: {@link dev.turntable.harness.replay.FixtureReplay} (a recorded fixture), {@link
 *       dev.turntable.harness.replay.ScriptedReplay} (a {@link
 *       dev.turntable.harness.replay.ConversationScript}, nothing recorded), with {@link
 *       dev.turntable.harness.replay.ReplayOptions}, {@link dev.turntable.harness.replay.ReplayClock}
 *       and {@link dev.turntable.harness.replay.RecordMode}; the result is a {@link
 *       dev.turntable.harness.replay.ReplayResult}, whose raw run is a {@link
 *       dev.turntable.harness.replay.SessionRun} outcome with what the {@link
 *       dev.turntable.harness.replay.CapturingSpeaker} played.
 *   <li>Fixtures: {@link dev.turntable.harness.fixture.FixtureReader} reads a {@link
 *       dev.turntable.harness.fixture.Fixture} or throws a {@link
 *       dev.turntable.harness.fixture.FixtureException}; its parts are {@link
 *       dev.turntable.harness.fixture.FixtureManifest}, {@link
 *       dev.turntable.harness.fixture.TurnLabel}, {@link dev.turntable.harness.fixture.SttFrame} and
 *       {@link dev.turntable.harness.fixture.AgentEventLine}.
 *   <li>Mock AssemblyAI server: {@link dev.turntable.harness.mockstt.MockAssemblyAiServer} with an
 *       {@link dev.turntable.harness.mockstt.AuthMode}, {@link dev.turntable.harness.mockstt.Fault}s
 *       and a {@link dev.turntable.harness.mockstt.SessionDriver} per session: a {@link
 *       dev.turntable.harness.mockstt.ScriptedDriver} playing a {@link
 *       dev.turntable.harness.mockstt.Script} of {@link dev.turntable.harness.mockstt.Utterance}s, a
 *       {@link dev.turntable.harness.mockstt.ReplayDriver}, or your own, given the {@link
 *       dev.turntable.harness.mockstt.SessionParameters} and a {@link
 *       dev.turntable.harness.mockstt.SessionHandle}. Verify with {@link
 *       dev.turntable.harness.mockstt.RecordedSession}, {@link
 *       dev.turntable.harness.mockstt.Release} and {@link
 *       dev.turntable.harness.mockstt.ReleaseStatistics}.
 *   <li>LLM and TTS stubs: {@link dev.turntable.harness.stubs.ServiceStubs} (one {@link
 *       dev.turntable.harness.stubs.ServiceStub} per {@link dev.turntable.harness.stubs.StubService})
 *       with {@link dev.turntable.harness.stubs.StubOptions}, {@link
 *       dev.turntable.harness.stubs.StubTiming} and a {@link dev.turntable.harness.stubs.SpeechEngine};
 *       each answers a {@link dev.turntable.harness.stubs.StubReply} or an {@link
 *       dev.turntable.harness.stubs.HttpFault} and keeps each {@link
 *       dev.turntable.harness.stubs.StubRequest}.
 *   <li>Measures: a session's {@link dev.turntable.harness.check.Timeline} and {@link
 *       dev.turntable.harness.check.PlayedAudio} give {@link
 *       dev.turntable.harness.check.SessionMeasures} ({@link dev.turntable.harness.check.TurnMeasure},
 *       {@link dev.turntable.harness.check.BargeInMeasure}) and a {@link
 *       dev.turntable.harness.check.Verdict}.
 *   <li>Report: {@link dev.turntable.harness.report.HtmlReport} of {@link
 *       dev.turntable.harness.report.ReportSession}s.
 *   <li>Per-turn labels scored under policies, as {@code turntable eval} and the label steps do:
 *       {@link dev.turntable.harness.eval.CorpusEval} runs a {@link dev.turntable.harness.eval.Corpus}
 *       under {@link dev.turntable.harness.eval.PolicyVariant}s into an {@link
 *       dev.turntable.harness.eval.EvalResult} of {@link dev.turntable.harness.eval.VariantScore}s,
 *       each a list of {@link dev.turntable.harness.eval.ScoredTurn} ({@link
 *       dev.turntable.harness.eval.TurnDecision}, {@link dev.turntable.harness.eval.Decision}, {@link
 *       dev.turntable.harness.eval.Outcome}); {@link dev.turntable.harness.eval.EvalTable} prints it,
 *       {@link dev.turntable.harness.eval.EvalException} says which fixture failed.
 *   <li>Testcontainers: {@link dev.turntable.harness.testcontainers.TurntableContainer}, and {@link
 *       dev.turntable.harness.testcontainers.ContainerReplay} to replay through it.
 *   <li>The {@code turntable} command line: {@link dev.turntable.harness.cli.TurntableCommand}.
 * </ul>
 *
 * <h2>Public only for the harness's own packages</h2>
 *
 * These are shared between the harness's packages (the command line, the benchmarks, replay, the
 * recorder), which Java can only allow by making them public. They are not meant for your tests
 * and may change without notice: {@link dev.turntable.harness.bench.Bench}; {@link
 * dev.turntable.harness.fixture.FixtureFiles}, {@link
 * dev.turntable.harness.fixture.FixtureWriter}, {@link dev.turntable.harness.fixture.RecordedExchange},
 * {@link dev.turntable.harness.fixture.Redactor}; {@link dev.turntable.harness.mockstt.SttRecording},
 * {@link dev.turntable.harness.mockstt.VirtualSpeechToText}, {@link
 * dev.turntable.harness.mockstt.WriteNudge}; {@link dev.turntable.harness.record.RecordingManifest},
 * {@link dev.turntable.harness.record.SessionRecorder}; {@link
 * dev.turntable.harness.replay.ConversationAudio}, {@link dev.turntable.harness.replay.FixtureSettings},
 * {@link dev.turntable.harness.replay.FixtureSynthesizer}, {@link
 * dev.turntable.harness.replay.LiveRerecord}, {@link dev.turntable.harness.replay.MockServices}, {@link
 * dev.turntable.harness.replay.ReplaySpeed}; {@link dev.turntable.harness.stubs.GeneratedReply}, {@link
 * dev.turntable.harness.stubs.SpeechAudio}.
 */
package dev.turntable.harness;
