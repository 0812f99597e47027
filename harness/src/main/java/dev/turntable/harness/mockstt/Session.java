package dev.turntable.harness.mockstt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.turntable.agent.Cancellable;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.UUID;
import org.java_websocket.WebSocket;

/**
 * One client connection: the v3 protocol (Begin, audio framing, client messages, Termination),
 * the faults, and the calls into the driver. Every entry point holds this object's lock, so the
 * driver sees one call at a time whichever thread (WebSocket worker or timer) makes it.
 */
final class Session {
  private enum State { OPEN, CLOSING, CLOSED }

  private final SessionContext context;
  private final UpgradeRequest request;
  private final String id = UUID.randomUUID().toString();
  private final Outbox outbox;
  private final WriteNudge nudge;
  private final SessionLog log = new SessionLog();
  private final ArrayDeque<Fault.AtAudio> pendingFaults;
  private final ArrayDeque<Runnable> heldInput = new ArrayDeque<>();
  private final long openedNanos;
  private final SessionTimers timers;
  private SessionParameters initialParameters = SessionParameters.defaults();
  private SessionParameters parameters = initialParameters;
  private AudioMeter meter;
  private SessionDriver driver;
  private State state = State.OPEN;
  private boolean stalled;
  private long triggerNanos;

  Session(WebSocket connection, WriteNudge nudge, UpgradeRequest request,
      SessionContext context) {
    this.context = context;
    this.request = request;
    this.nudge = nudge;
    this.outbox = new Outbox(connection, nudge, context.timer(), this, context.clock(),
        context.outgoingFaults());
    this.pendingFaults = new ArrayDeque<>(context.audioFaults());
    this.openedNanos = context.clock().nanoTime();
    this.timers = new SessionTimers(this, context);
  }

  synchronized void open() {
    Optional<String> refusal = context.auth().refusal(request.credential());
    if (refusal.isPresent()) {
      fail(ServerMessages.UNAUTHORIZED, refusal.get());
      return;
    }
    try {
      initialParameters = SessionParameters.parse(request.query());
    } catch (IllegalArgumentException e) {
      fail(ServerMessages.INVALID_MESSAGE, e.getMessage());
      return;
    }
    parameters = initialParameters;
    meter = new AudioMeter(parameters, context.strictPacing(),
        context.strictTolerance().toNanos());
    long expiresAt = context.wallClock().instant().plus(context.maxSessionDuration())
        .getEpochSecond();
    send(ServerMessages.begin(id, expiresAt, parameters));
    timers.start(parameters.inactivityTimeout(), openedNanos);
    driver = context.drivers().get();
    driver.opened(parameters, new Handle());
  }

  synchronized void onAudio(ByteBuffer audio, long arrivalNanos) {
    if (state != State.OPEN) {
      return;
    }
    if (stalled) {
      ByteBuffer held = ByteBuffer.allocate(audio.remaining()).put(audio.duplicate()).flip();
      heldInput.add(() -> processAudio(held, arrivalNanos));
      return;
    }
    processAudio(audio, arrivalNanos);
  }

  synchronized void onText(String text, long arrivalNanos) {
    if (state == State.CLOSED) {
      return;
    }
    log.clientMessage(text);
    if (state != State.OPEN) {
      return;
    }
    if (stalled) {
      heldInput.add(() -> processText(text, arrivalNanos));
      return;
    }
    processText(text, arrivalNanos);
  }

  /** The connection is gone; returns what the session saw. */
  synchronized RecordedSession closed(int code, String reason, boolean remote) {
    state = State.CLOSED;
    timers.cancel();
    if (driver != null) {
      driver.closed();
    }
    return log.toRecord(id, request, initialParameters, parameters, meter, code, reason, remote);
  }

  private void processAudio(ByteBuffer audio, long arrivalNanos) {
    timers.activity(arrivalNanos);
    Optional<String> invalid = meter.accept(audio.remaining(), arrivalNanos);
    if (invalid.isPresent()) {
      fail(ServerMessages.INVALID_AUDIO, invalid.get());
      return;
    }
    triggerNanos = arrivalNanos;
    while (!pendingFaults.isEmpty() && pendingFaults.peek().audioMs() <= meter.audioMs()
        && state == State.OPEN) {
      inject(pendingFaults.poll());
    }
    if (state == State.OPEN) {
      driver.audio(audio.asReadOnlyBuffer());
      driver.audioReceived(meter.audioMs());
    }
  }

  private void processText(String text, long arrivalNanos) {
    ClientMessage message;
    try {
      message = ClientMessage.parse(text);
    } catch (ClientMessage.Invalid e) {
      fail(ServerMessages.INVALID_MESSAGE, e.getMessage());
      return;
    }
    triggerNanos = arrivalNanos;
    if (message instanceof ClientMessage.Terminate) {
      terminate();
    } else if (message instanceof ClientMessage.ForceEndpoint) {
      driver.forceEndpoint();
    } else if (message instanceof ClientMessage.KeepAlive) {
      timers.activity(arrivalNanos);
    } else if (message instanceof ClientMessage.UpdateConfiguration update) {
      updateConfiguration(update.body());
    }
  }

  private void updateConfiguration(JsonNode body) {
    ConfigurationUpdate.Applied applied;
    try {
      applied = ConfigurationUpdate.apply(parameters, body);
    } catch (IllegalArgumentException e) {
      fail(ServerMessages.INVALID_MESSAGE, e.getMessage());
      return;
    }
    parameters = applied.parameters();
    driver.configUpdated(parameters, applied.changed());
  }

  private void terminate() {
    driver.terminate();
    long audioSeconds = Math.round(meter.audioMs() / 1000.0);
    long sessionSeconds = Math.round((context.clock().nanoTime() - openedNanos) / 1e9);
    send(ServerMessages.termination(audioSeconds, sessionSeconds));
    closeWith(ServerMessages.NORMAL, "");
  }

  private void inject(Fault.AtAudio fault) {
    if (fault instanceof Fault.CloseAt close) {
      closeWith(close.code(), close.reason());
    } else if (fault instanceof Fault.DropAt) {
      state = State.CLOSING;
      outbox.drop();
    } else if (fault instanceof Fault.StallAt stall) {
      stall(stall.duration());
    } else if (fault instanceof Fault.ErrorFrameAt error) {
      send(ServerMessages.error(error.code(), error.message()));
    }
  }

  private void stall(Duration duration) {
    stalled = true;
    outbox.pause();
    timers.schedule(duration, this::endStall);
  }

  private void endStall() {
    stalled = false;
    outbox.resume();
    while (!stalled && state == State.OPEN && !heldInput.isEmpty()) {
      heldInput.poll().run();
    }
  }

  /** Sends an Error frame then closes with the same code, as the service does. */
  void fail(int code, String text) {
    if (state != State.OPEN) {
      return;
    }
    send(ServerMessages.error(code, text));
    closeWith(code, ServerMessages.closeReason(text));
  }

  private void closeWith(int code, String reason) {
    state = State.CLOSING;
    outbox.close(code, reason);
  }

  void nudgeWrites() {
    nudge.afterSend();
  }

  boolean isClosed() {
    return state == State.CLOSED;
  }

  void setTrigger(long nanos) {
    triggerNanos = nanos;
  }

  private void send(JsonNode message) {
    String text = message.toString();
    outbox.sendText(text, sentNanos -> log.serverMessage(text));
  }

  private final class Handle implements SessionHandle {
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
      return meter.audioMs();
    }

    @Override
    public void send(JsonNode message) {
      Session.this.send(message);
    }

    @Override
    public void release(JsonNode message, long dueAudioMs) {
      String text = message.toString();
      String type = message.path("type").asText("?");
      long audioAtRelease = meter.audioMs();
      long trigger = triggerNanos;
      outbox.sendText(text, sentNanos -> {
        log.serverMessage(text);
        Release release = new Release(id, type, dueAudioMs, audioAtRelease, sentNanos - trigger);
        log.release(release);
        context.releases().accept(release);
      });
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
      return timers.schedule(delay, task);
    }

    @Override
    public void disconnect(int code, String reason) {
      if (state != State.OPEN) {
        return;
      }
      if (Fault.sendableCloseCode(code)) {
        closeWith(code, ServerMessages.closeReason(reason));
      } else {
        state = State.CLOSING;
        outbox.drop();
      }
    }
  }
}
