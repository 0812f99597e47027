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
 */
public final class VirtualSpeechToText implements SpeechToText {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SESSION_ID = "virtual-session";

  private final VirtualScheduler time;
  private final Supplier<? extends SessionDriver> drivers;
  private final AssemblyAiFrames frames;
  private final List<Cancellable> timers = new ArrayList<>();
  private SessionParameters parameters;
  private SessionDriver driver;
  private SttListener listener;
  private long bytesReceived;
  private long openedNanos;
  private boolean open;

  public VirtualSpeechToText(
      VirtualScheduler time, Supplier<? extends SessionDriver> drivers, SessionParameters parameters) {
    this.time = time;
    this.drivers = drivers;
    this.parameters = parameters;
    this.frames = new AssemblyAiFrames(parameters.speechModel());
  }

  @Override
  public void start(SttListener listener) {
    this.listener = listener;
    this.open = true;
    this.openedNanos = time.nanoTime();
    listener.onStt(new SttEvent.SessionBegan(SESSION_ID, 0));
    driver = drivers.get();
    driver.opened(parameters, new Handle());
  }

  @Override
  public void sendAudio(byte[] pcm) {
    if (!open) {
      return;
    }
    bytesReceived += pcm.length;
    driver.audioReceived(audioMs());
  }

  @Override
  public void forceEndpoint() {
    if (open) {
      driver.forceEndpoint();
    }
  }

  @Override
  public void updateConfiguration(SttConfigUpdate update) {
    if (!open) {
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

  /** Terminate: the driver sends what is pending, then Termination ends the session. */
  @Override
  public void close() {
    if (!open) {
      return;
    }
    driver.terminate();
    open = false;
    timers.forEach(Cancellable::cancel);
    double sessionSeconds = (time.nanoTime() - openedNanos) / 1e9;
    listener.onStt(new SttEvent.SessionEnded(audioMs() / 1000.0, sessionSeconds));
    driver.closed();
  }

  private long audioMs() {
    return bytesReceived * 1000 / ((long) parameters.sampleRate() * parameters.bytesPerSample());
  }

  private void deliver(JsonNode message) {
    if (open) {
      frames.event(message.toString()).ifPresent(listener::onStt);
    }
  }

  private final class Handle implements SessionHandle {
    @Override
    public String id() {
      return SESSION_ID;
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
      deliver(message);
    }

    @Override
    public void release(JsonNode message, long dueAudioMs) {
      deliver(message);
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
      Cancellable timer = time.schedule(delay, () -> {
        if (open) {
          task.run();
        }
      });
      timers.add(timer);
      return timer;
    }
  }
}
