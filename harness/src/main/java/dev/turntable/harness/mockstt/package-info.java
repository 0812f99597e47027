/**
 * A mock of AssemblyAI's Universal-3 Pro streaming service (v3 WebSocket API, {@code
 * speech_model=u3-rt-pro}) that real clients accept unchanged: the agent's adapter and the
 * official Python and Node SDKs.
 *
 * <h2>Use</h2>
 *
 * <pre>{@code
 * try (MockAssemblyAiServer server = MockAssemblyAiServer.builder()
 *     .tls()                                            // wss:// for the Node SDK
 *     .authMode(AuthMode.requireKey("test-key"))
 *     .driver(ScriptedDriver.factory(Script.load(Path.of("script.json"))))
 *     .fault(new Fault.DropAt(5_000))
 *     .start()) {
 *   // point the client at server.url(); trust server.caCertificatePem()
 *   RecordedSession session = server.takeSession(Duration.ofSeconds(10));
 * }
 * }</pre>
 *
 * <h2>Protocol</h2>
 *
 * <ul>
 *   <li>Only {@code /v3/ws} upgrades; any other path gets HTTP 404 at the handshake.
 *   <li>The credential comes from the {@code Authorization} header (API key or temporary token,
 *       a {@code Bearer } prefix is tolerated) or the {@code token} query parameter. A refused
 *       client is upgraded, then gets {@code {"type":"Error","error_code":1008,...}} and a close
 *       1008, as the service does ({@link dev.turntable.harness.mockstt.AuthMode}).
 *   <li>Query parameters become {@link dev.turntable.harness.mockstt.SessionParameters}; a value
 *       that cannot be read (e.g. {@code sample_rate=fast}) gets an Error frame and a close 3006
 *       naming the parameter (the service's behaviour here is undocumented). Only {@code
 *       pcm_s16le} and {@code pcm_mulaw} are accepted, since the mock times audio by its size.
 *   <li>{@code Begin} goes out at once with a fresh UUID, {@code expires_at} (now plus the
 *       maximum session duration, 3 h by default, which also closes the session with 3008) and
 *       {@code configuration} echoing {@code speech_model} and {@code mode}.
 *   <li>Binary frames count as audio at the session's rate; a frame outside 50–1000 ms closes
 *       with 3007, and so, in strict pacing mode, does audio running more than a tolerance (1 s)
 *       ahead of wall time since the first frame.
 *   <li>Invalid JSON, a non-object such as {@code []}, a missing or unknown {@code type}, or an
 *       {@code UpdateConfiguration} field of the wrong type closes with 3006.
 *   <li>{@code Terminate}: the driver flushes pending Turns, then {@code Termination} with whole
 *       {@code audio_duration_seconds} and {@code session_duration_seconds} (rounded), then close
 *       1000. {@code KeepAlive} only resets the inactivity timer.
 *   <li>{@code inactivity_timeout} (seconds; fractions accepted for tests): when no audio or
 *       KeepAlive arrives in time the mock sends an Error with code 3005 and closes with 3005.
 *       What the service does is undocumented; 3005 is its catch-all session error.
 *   <li>Every error close is preceded by an Error frame whose {@code error_code} equals the
 *       close code; a close reason longer than 123 bytes becomes "See Error message for details".
 * </ul>
 *
 * <h2>Drivers</h2>
 *
 * A {@link dev.turntable.harness.mockstt.SessionDriver} per connection decides the transcript.
 * {@link dev.turntable.harness.mockstt.ReplayDriver} replays a fixture's {@code stt.jsonl} by the
 * audio clock; {@link dev.turntable.harness.mockstt.ScriptedDriver} plays a {@link
 * dev.turntable.harness.mockstt.Script}, whose file format is:
 *
 * <pre>{@code
 * {"utterances": [{"text": "Hello there.", "start_ms": 500, "end_ms": 1400}],
 *  "min_turn_silence": 160, "max_turn_silence": 1200, "speech_started_delay_ms": 100,
 *  "early_partial_after_ms": 750, "word_confidence": 0.95, "language_code": "en"}
 * }</pre>
 *
 * Only {@code utterances} is required; {@code harness/docs/mock-stt-script.md} describes each field
 * and the messages it produces. Messages are released on the WebSocket worker thread while it
 * processes the audio frame that makes them due; {@link
 * dev.turntable.harness.mockstt.MockAssemblyAiServer#releaseStatistics()} measures how precisely.
 *
 * <h2>Faults</h2>
 *
 * {@link dev.turntable.harness.mockstt.Fault}: close, drop (1006), stall or send an Error frame at
 * an audio position; delay or jitter every outgoing frame without reordering.
 *
 * <h2>Public types</h2>
 *
 * {@link dev.turntable.harness.mockstt.MockAssemblyAiServer}, {@link
 * dev.turntable.harness.mockstt.AuthMode}, {@link dev.turntable.harness.mockstt.Fault}, {@link
 * dev.turntable.harness.mockstt.SessionDriver} with {@link
 * dev.turntable.harness.mockstt.SessionParameters} and {@link
 * dev.turntable.harness.mockstt.SessionHandle}, {@link dev.turntable.harness.mockstt.ScriptedDriver},
 * {@link dev.turntable.harness.mockstt.Script}, {@link dev.turntable.harness.mockstt.Utterance},
 * {@link dev.turntable.harness.mockstt.ReplayDriver}, {@link
 * dev.turntable.harness.mockstt.RecordedSession}, {@link dev.turntable.harness.mockstt.Release},
 * {@link dev.turntable.harness.mockstt.ReleaseStatistics}. Public only for replay, the command line
 * and the stubs, not meant for other projects' tests: {@link
 * dev.turntable.harness.mockstt.SttRecording}, {@link
 * dev.turntable.harness.mockstt.VirtualSpeechToText}, {@link
 * dev.turntable.harness.mockstt.WriteNudge}.
 */
package dev.turntable.harness.mockstt;
