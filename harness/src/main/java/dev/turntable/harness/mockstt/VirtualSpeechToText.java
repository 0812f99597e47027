package dev.turntable.harness.mockstt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.turntable.agent.Cancellable;
import dev.turntable.agent.stt.SpeechToText;
import dev.turntable.agent.stt.SttConfigUpdate;
import dev.turntable.agent.stt.SttEvent;
import dev.turntable.agent.stt.SttListener;
import dev.turntable.agent.stt.assemblyai.AssemblyAiFrames;
import dev.turntable.agent.stt.assemblyai.CloseCodes;
import dev.turntable.agent.stt.assemblyai.ReconnectPolicy;
import dev.turntable.agent.time.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The mock AssemblyAI session without a socket, on virtual time: the same {@link SessionDriver}s
 * the mock server runs (recorded or scripted) decide what is transcribed and when, and the agent's
 * own frame parser turns what they send into {@link SttEvent}s. Audio is counted as it is sent, so
 * a message due at {@code audio_ms} is delivered with the frame that reaches it, as the server
 * releases it.
 *
 * <p>A driver that {@linkplain SessionHandle#disconnect disconnects} its session gets what the
 * agent's AssemblyAI adapter does on the wire: a {@link SttEvent.Failure} with the close code,
 * {@code retrying} when the code is one a reconnect can fix, audio dropped while disconnected, and
 * after the adapter's reconnect delay a new session: {@link SttEvent.SessionBegan}, a new driver
 * from the supplier, its audio counted from 0 again. A replayed recording's reconnect takes as long
 * as it took when recorded (the delay and the handshake), so the same microphone frames are lost.
 */
public final class VirtualSpeechToText implements SpeechToText {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SESSION_ID = "virtual-session";

  private final VirtualScheduler time;
  private final Supplier<? extends SessionDriver> drivers;
  private final ReconnectPolicy reconnect;
  private final List<Duration> recordedReopens;
  private final AssemblyAiFrames frames;
  private final List<Cancellable> timers = new ArrayList<>();
  private SessionParameters parameters;
  private SessionDriver driver;
  private SttListener listener;
  private Handle current;
  private Cancellable reconnecting = Cancellable.NONE;
  private int sessions;
  private int failedAttempts;
  private long bytesReceived;
  private long openedNanos;
  private boolean closed;

  /** With the adapter's default reconnect policy. */
  public VirtualSpeechToText(
      VirtualScheduler time, Supplier<? extends SessionDriver> drivers, SessionParameters parameters) {
    this(time, drivers, parameters, ReconnectPolicy.DEFAULT, List.of());
  }

  /**
   * @param reconnect the policy the agent's adapter would reconnect with
   * @param recordedReopens for a replayed recording, how long after each dropped connection the
   *     next one opened, in order; a reconnect beyond them (or none recorded) takes the policy's
   *     delay
   */
  public VirtualSpeechToText(
      VirtualScheduler time,
      Supplier<? extends SessionDriver> drivers,
      SessionParameters parameters,
      ReconnectPolicy reconnect,
      List<Duration> recordedReopens) {
    this.time = time;
    this.drivers = drivers;
    this.parameters = parameters;
    this.reconnect = reconnect;
    this.recordedReopens = List.copyOf(recordedReopens);
    this.frames = new AssemblyAiFrames(parameters.speechModel());
  }

  @Override
  public void start(SttListener listener) {
    this.listener = listener;
    connect();
  }

  /** A new session, as a connection's Begin opens it: the driver counts its audio from 0. */
  private void connect() {
    if (closed) {
      return;
    }
    sessions++;
    String id = sessions == 1 ? SESSION_ID : SESSION_ID + "-" + sessions;
    current = new Handle(id);
    bytesReceived = 0;
    openedNanos = time.nanoTime();
    failedAttempts = 0;
    listener.onStt(new SttEvent.SessionBegan(id, 0));
    driver = drivers.get();
    driver.opened(parameters, current);
  }

  private boolean connected() {
    return current != null && !closed;
  }

  /** Audio sent while disconnected is lost, as the adapter drops it. */
  @Override
  public void sendAudio(byte[] pcm) {
    if (!connected()) {
      return;
    }
    bytesReceived += pcm.length;
    driver.audioReceived(audioMs());
  }

  @Override
  public void forceEndpoint() {
    if (connected()) {
      driver.forceEndpoint();
    }
  }

  @Override
  public void updateConfiguration(SttConfigUpdate update) {
    if (!connected()) {
      return;
    }
    AssemblyAiFrames.updateConfiguration(update).ifPresent(json -> {
      try {
        ConfigurationUpdate.Applied applied = ConfigurationUpdate.apply(parameters, JSON.readTree(json));
        parameters = applied.parameters();
        driver.configUpdated(parameters, applied.changed());
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("the adapter's own UpdateConfiguration is not JSON: " + json, e);
      }
    });
  }

  /**
   * Terminate: the driver sends what is pending, then Termination ends the session. Closed while
   * reconnecting, as the adapter is then, the session just ends: there is no connection to end.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    reconnecting.cancel();
    if (current == null) {
      closed = true;
      return;
    }
    driver.terminate();
    closed = true;
    endConnection();
    double sessionSeconds = (time.nanoTime() - openedNanos) / 1e9;
    listener.onStt(new SttEvent.SessionEnded(audioMs() / 1000.0, sessionSeconds));
    driver.closed();
  }

  private void endConnection() {
    current = null;
    timers.forEach(Cancellable::cancel);
    timers.clear();
  }

  /**
   * The connection ended with {@code code}: what the adapter reports and does, with the delay of
   * its reconnect policy (the wire adds only a loopback connect to it).
   */
  private void disconnected(int code, String reason) {
    endConnection();
    driver.closed();
    String message = CloseCodes.describe(code, reason);
    if (CloseCodes.isRetryable(code) && failedAttempts < reconnect.maxAttempts()) {
      failedAttempts++;
      Duration delay = reconnect.delayBeforeAttempt(failedAttempts);
      listener.onStt(new SttEvent.Failure(code, message + ". Reconnecting in " + delay.toMillis()
          + " ms (attempt " + failedAttempts + " of " + reconnect.maxAttempts() + ")", true));
      reconnecting = time.schedule(reopenAfter(delay), this::connect);
    } else {
      listener.onStt(new SttEvent.Failure(code, message, false));
    }
  }

  /**
   * The recorded time to the next connection, when this is the recording's own first attempt after
   * that drop; the wire spent it on the delay and the handshake, and the frames captured
   * meanwhile were dropped.
   */
  private Duration reopenAfter(Duration delay) {
    int drop = sessions - 1;
    if (failedAttempts == 1 && drop < recordedReopens.size()
        && recordedReopens.get(drop).compareTo(delay) > 0) {
      return recordedReopens.get(drop);
    }
    return delay;
  }

  private long audioMs() {
    return bytesReceived * 1000 / ((long) parameters.sampleRate() * parameters.bytesPerSample());
  }

  private final class Handle implements SessionHandle {
    private final String id;

    Handle(String id) {
      this.id = id;
    }

    private boolean live() {
      return current == this && !closed;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public SessionParameters parameters() {
      return parameters;
    }

    @Override
    public long audioMs() {
      return VirtualSpeechToText.this.audioMs();
    }

    @Override
    public void send(JsonNode message) {
      if (live()) {
        frames.event(message.toString()).ifPresent(listener::onStt);
      }
    }

    @Override
    public void release(JsonNode message, long dueAudioMs) {
      send(message);
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
      Cancellable timer = time.schedule(delay, () -> {
        if (live()) {
          task.run();
        }
      });
      timers.add(timer);
      return timer;
    }

    @Override
    public void disconnect(int code, String reason) {
      if (live()) {
        disconnected(code, reason);
      }
    }
  }
}
