package dev.turntable.harness.record;

import dev.turntable.agent.audio.AudioSink;
import dev.turntable.agent.audio.AudioSource;
import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.audio.aec.EchoTap;
import dev.turntable.agent.conversation.AgentEventListener;
import dev.turntable.agent.stt.SttWireTap;
import dev.turntable.agent.time.Clock;
import dev.turntable.harness.fixture.FixtureFiles;
import dev.turntable.harness.fixture.FixtureManifest;
import dev.turntable.harness.fixture.FixtureWriter;
import dev.turntable.harness.fixture.Redactor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import okhttp3.Interceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a live session as a fixture. Plug its taps into the agent's edges:
 *
 * <pre>{@code
 * try (SessionRecorder recorder = SessionRecorder.start(dir, manifest, Clock.system(), redactor)) {
 *   AudioSource mic = recorder.wrap(microphone);          // -> mic.wav
 *   AudioSink speaker = recorder.wrap(speakers);          // -> speaker.wav
 *   sttSettings.wireTap(recorder.sttTap());               // -> stt.jsonl
 *   httpClient.addInterceptor(recorder.httpInterceptor()); // -> http/
 *   agent.addListener(recorder.agentListener());          // -> agent.jsonl
 *   ...
 * }
 * }</pre>
 *
 * A failed write never disturbs the conversation; {@link #close()} reports it.
 */
public final class SessionRecorder implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SessionRecorder.class);

  private final FixtureWriter writer;
  private final RecordingFailures failures = new RecordingFailures();
  private final RecordingQueue queue = new RecordingQueue(failures);
  private final SttFrameRecorder stt;
  private final HttpExchangeRecorder http;
  private final AgentEventRecorder agent;
  private final List<RecordingAudioSource> sources = new ArrayList<>();
  private final List<RecordingAudioSink> sinks = new ArrayList<>();
  private boolean closed;

  private SessionRecorder(FixtureWriter writer, Clock clock) {
    this.writer = writer;
    writer.flushThrough(queue::flush);
    this.stt = new SttFrameRecorder(writer, clock, queue);
    this.http = new HttpExchangeRecorder(writer, clock, queue);
    this.agent = new AgentEventRecorder(writer, stt::audioMs, queue);
  }

  /**
   * Creates the fixture folder (it must be new or empty) and starts recording.
   *
   * @param clock times STT frames and HTTP chunks; agent events carry their own times
   * @param redactor knows the session's API keys and tokens, which never reach the files
   */
  public static SessionRecorder start(
      Path dir, FixtureManifest manifest, Clock clock, Redactor redactor) throws IOException {
    return new SessionRecorder(FixtureWriter.create(dir, manifest, redactor), clock);
  }

  public Path dir() {
    return writer.dir();
  }

  /** Writes stt.jsonl; {@code audio_ms} everywhere in the fixture counts the audio sent here. */
  public SttWireTap sttTap() {
    return stt;
  }

  /** Records LLM/TTS exchanges; add with {@code OkHttpClient.Builder.addInterceptor}. */
  public Interceptor httpInterceptor() {
    return http;
  }

  public AgentEventListener agentListener() {
    return agent;
  }

  /** The mic, also writing mic.wav. The agent must send STT everything it reads from it. */
  public synchronized AudioSource wrap(AudioSource source) {
    RecordingAudioSource recording = new RecordingAudioSource(source, writer, queue);
    sources.add(recording);
    return recording;
  }

  /** The speaker, also writing what it really played to speaker.wav. */
  public synchronized AudioSink wrap(AudioSink sink) {
    RecordingAudioSink recording = new RecordingAudioSink(sink, writer, queue);
    sinks.add(recording);
    return recording;
  }

  /**
   * With echo cancellation: writes what the microphone heard to mic-raw.wav and the canceller's
   * far-end reference to echo-reference.wav. Wrap the cancelled microphone with {@link
   * #wrap(AudioSource)} too, so mic.wav holds what STT got.
   *
   * @param speaker the speaker's format, the rate of the reference
   */
  public EchoTap echoTap(PcmFormat speaker) {
    return (raw, farEnd, cleaned, length) -> {
      byte[] heard = Arrays.copyOf(raw, length);
      byte[] reference = farEnd.clone();
      queue.submit(FixtureFiles.MIC_RAW, () -> writer.writeMicRaw(heard, 0, heard.length));
      queue.submit(FixtureFiles.ECHO_REFERENCE,
          () -> writer.writeEchoReference(speaker.sampleRate(), reference, 0, reference.length));
    };
  }

  /** Rewrites fixture.json, e.g. with a description or expected labels decided afterwards. */
  public void updateManifest(FixtureManifest manifest) {
    writer.updateManifest(manifest);
  }

  /**
   * Finishes the fixture: records unfinished HTTP bodies, writes everything the taps handed over,
   * finalises the WAV headers.
   *
   * @throws IllegalStateException when a write failed during the session (the fixture is
   *     incomplete; the message says which file)
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    http.abandonOpenBodies();
    sinks.forEach(RecordingAudioSink::recordPlayedSoFar);
    queue.drain();
    warnIfMicDiffersFromStt();
    writer.close();
    RuntimeException failure = failures.first();
    if (failure != null) {
      throw new IllegalStateException(
          "The fixture in " + dir() + " is incomplete: " + failure.getMessage(), failure);
    }
  }

  private void warnIfMicDiffersFromStt() {
    long micBytes = sources.stream().mapToLong(RecordingAudioSource::bytesRead).sum();
    long sttBytes = stt.audioBytes();
    if (!sources.isEmpty() && micBytes > sttBytes && stt.connections() > 1) {
      // Expected: the adapter drops the microphone's frames while it reconnects, and each
      // connection's audio counts from its own Connect line, so replay stays on time.
      LOG.info(
          "mic.wav holds {} bytes of audio that did not reach STT: frames dropped while the STT"
              + " connection was reopened",
          micBytes - sttBytes);
    } else if (!sources.isEmpty() && micBytes != sttBytes) {
      LOG.warn(
          "mic.wav holds {} bytes but {} bytes were sent to STT; replay assumes they are the same"
              + " audio, so audio_ms may be offset",
          micBytes,
          sttBytes);
    }
  }
}
