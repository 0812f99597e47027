/**
 * Stubs of OpenAI, Anthropic, ElevenLabs and Cartesia on one WireMock server: replies from a
 * fixture's recorded mappings or from text, with realistic timing, SSE and WebSocket streaming,
 * every audio format the clients ask for, and named faults.
 *
 * <p>Public: {@link dev.turntable.harness.stubs.ServiceStubs} (one {@link
 * dev.turntable.harness.stubs.ServiceStub} per {@link dev.turntable.harness.stubs.StubService}),
 * {@link dev.turntable.harness.stubs.StubOptions}, {@link dev.turntable.harness.stubs.StubTiming},
 * {@link dev.turntable.harness.stubs.SpeechEngine}, {@link dev.turntable.harness.stubs.StubReply},
 * {@link dev.turntable.harness.stubs.HttpFault} and the {@link
 * dev.turntable.harness.stubs.StubRequest}s a stub received.
 *
 * <p>Public only for replay on virtual time, not meant for other projects' tests: {@link
 * dev.turntable.harness.stubs.GeneratedReply}, {@link dev.turntable.harness.stubs.SpeechAudio}.
 */
package dev.turntable.harness.stubs;
