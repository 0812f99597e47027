package dev.turntable.agent.stt.assemblyai;

import dev.turntable.agent.stt.SpeechToText;
import dev.turntable.agent.stt.SttConfigUpdate;
import dev.turntable.agent.stt.SttEvent;
import dev.turntable.agent.stt.SttListener;
import dev.turntable.agent.stt.SttWireTap;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SpeechToText} on AssemblyAI Universal-3 Pro Streaming (v3 WebSocket). One instance serves
 * one session: {@link #start}, stream audio, {@link #close}. Events reach the listener in order on
 * this adapter's own thread ({@code assemblyai-stt-N}), which also times reconnects; WebSocket
 * threads only parse and enqueue. Connections dropped for reasons a retry can fix are reopened with
 * exponential backoff, reported as {@code Failure(retrying=true)}.
 */
public final class AssemblyAiSpeechToText implements SpeechToText {
  private static final Logger log = LoggerFactory.getLogger(AssemblyAiSpeechToText.class);
  private static final AtomicInteger SESSIONS = new AtomicInteger();

  /** About every 5 s at the usual 50 ms per frame. */
  private static final long WARN_EVERY_DROPPED_FRAMES = 100;

  private final AssemblyAiOptions options;
  private final SttWireTap tap;
  private final ServerMessageParser parser;
  private final String threadName;
  private final ScheduledThreadPoolExecutor loop;
  private final Object lock = new Object();
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicLong droppedFrames = new AtomicLong();
  private final AtomicInteger connections = new AtomicInteger();
  private volatile boolean closed;
  private volatile SttListener listener = event -> {};
  private volatile SessionConnection connection;
  private volatile Thread loopThread;

  /** Reconnects since the last Begin; touched only on the loop thread. */
  private int failedAttempts;

  public AssemblyAiSpeechToText(AssemblyAiOptions options, SttWireTap tap) {
    this.options = Objects.requireNonNull(options, "options");
    this.tap = Objects.requireNonNull(tap, "tap (use SttWireTap.NONE for none)");
    this.parser = new ServerMessageParser(options.speechModel());
    this.threadName = "assemblyai-stt-" + SESSIONS.incrementAndGet();
    this.loop = new ScheduledThreadPoolExecutor(1, this::newLoopThread);
    loop.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    loop.setRemoveOnCancelPolicy(true);
  }

  /** Connects; returns once the first attempt opened or failed (bounded by connectTimeout). */
  @Override
  public void start(SttListener listener) {
    Objects.requireNonNull(listener, "listener");
    if (closed) {
      throw new IllegalStateException("this AssemblyAI session is closed; create a new adapter");
    }
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("start() was already called; one adapter serves one session");
    }
    this.listener = listener;
    SessionConnection first = openConnection();
    if (first != null) {
      first.awaitSettled(options.connectTimeout().plusSeconds(1));
    }
  }

  /** Sends one binary frame as is; drops it (with a rate-limited warning) when not connected. */
  @Override
  public void sendAudio(byte[] pcm) {
    Objects.requireNonNull(pcm, "pcm");
    SessionConnection current = connection;
    if (!closed && current != null && current.sendAudio(pcm)) {
      return;
    }
    long dropped = droppedFrames.incrementAndGet();
    if (dropped % WARN_EVERY_DROPPED_FRAMES == 1) {
      log.warn("Dropping audio: not connected to AssemblyAI ({} frame(s) dropped so far)", dropped);
    }
  }

  @Override
  public void forceEndpoint() {
    sendControl(ClientMessages.FORCE_ENDPOINT, "ForceEndpoint");
  }

  @Override
  public void updateConfiguration(SttConfigUpdate update) {
    Objects.requireNonNull(update, "update");
    ClientMessages.updateConfiguration(update)
        .ifPresentOrElse(
            json -> sendControl(json, "UpdateConfiguration"),
            () -> log.debug("UpdateConfiguration sets no field; nothing sent"));
  }

  /** Resets the server's inactivity_timeout without sending audio. */
  public void keepAlive() {
    sendControl(ClientMessages.KEEP_ALIVE, "KeepAlive");
  }

  /**
   * Sends Terminate, waits up to {@code closeTimeout} for Termination (so the last Turn and the
   * SessionEnded event are delivered), closes the connection and stops the adapter's threads.
   * Billing runs while the socket is open, hence Terminate rather than a bare close. Idempotent.
   */
  @Override
  public void close() {
    SessionConnection last;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      last = connection;
    }
    if (last != null) {
      endSession(last);
    }
    stopLoop();
    long dropped = droppedFrames.get();
    if (dropped > 0) {
      log.info("{} audio frame(s) were dropped while not connected to AssemblyAI", dropped);
    }
  }

  private void endSession(SessionConnection last) {
    Duration wait = options.closeTimeout();
    if (!last.sawTermination()
        && last.sendText(ClientMessages.TERMINATE)
        && !last.awaitTerminationOrClose(wait)) {
      log.warn(
          "AssemblyAI sent no Termination within {} ms of Terminate; closing anyway",
          wait.toMillis());
    }
    last.closeGracefully(Duration.ofSeconds(1));
  }

  private void stopLoop() {
    loop.shutdown(); // events already queued (final Turn, SessionEnded) are still delivered
    if (Thread.currentThread() == loopThread) {
      return; // close() called from a listener: the loop ends when this callback returns
    }
    try {
      if (!loop.awaitTermination(2, TimeUnit.SECONDS)) {
        log.warn("The STT listener did not return within 2 s of close(); interrupting it");
        loop.shutdownNow();
      }
    } catch (InterruptedException e) {
      loop.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private SessionConnection openConnection() {
    String readThread = threadName + "-read-" + connections.incrementAndGet();
    SessionConnection next =
        new SessionConnection(options, tap, parser, new ConnectionEvents(), readThread);
    synchronized (lock) {
      if (closed) {
        return null;
      }
      connection = next;
    }
    log.info("Connecting to AssemblyAI at {}", options.redactedUrl());
    next.connect();
    // Java-WebSocket bounds the TCP connect but not the wait for the upgrade response.
    schedule(() -> abortIfUnanswered(next), options.connectTimeout());
    return next;
  }

  private void abortIfUnanswered(SessionConnection pending) {
    if (!pending.hasSettled()) {
      pending.abort(
          "no answer to the WebSocket upgrade within "
              + options.connectTimeout().toMillis()
              + " ms");
    }
  }

  private void onMessage(SessionConnection from, ServerMessage message) {
    if (message instanceof ServerMessage.Event event) {
      if (event.event() instanceof SttEvent.SessionBegan) {
        failedAttempts = 0;
      }
      deliver(event.event());
    } else if (message instanceof ServerMessage.ServerError error) {
      log.warn("AssemblyAI reported error {}: {}", error.code(), error.text());
    } else if (message instanceof ServerMessage.Ignored ignored) {
      log.debug("Ignoring AssemblyAI message type '{}': {}", ignored.type(), ignored.why());
    }
  }

  private void onClose(SessionConnection from, int code, String reason) {
    if (closed || from != connection) {
      return; // close() ends the session itself; a replaced connection no longer matters
    }
    if (from.sawTermination()) {
      log.info("AssemblyAI ended the session (close code {})", code);
      return;
    }
    CloseCodes.Diagnosis diagnosis = CloseCodes.diagnose(code, reason);
    String message = FailureMessages.explain(diagnosis, from.lastError(), options);
    ReconnectPolicy policy = options.reconnect();
    if (diagnosis.retryable() && failedAttempts < policy.maxAttempts()) {
      failedAttempts++;
      Duration delay = policy.delayBeforeAttempt(failedAttempts);
      log.warn("{}; reconnecting in {} ms", message, delay.toMillis());
      deliver(
          new SttEvent.Failure(
              diagnosis.code(),
              FailureMessages.retrying(message, failedAttempts, policy.maxAttempts(), delay),
              true));
      schedule(this::reconnect, delay);
    } else {
      String last =
          diagnosis.retryable() ? FailureMessages.gaveUp(message, failedAttempts) : message;
      log.error("{}", last);
      deliver(new SttEvent.Failure(diagnosis.code(), last, false));
    }
  }

  private void reconnect() {
    if (!closed) {
      openConnection();
    }
  }

  private void deliver(SttEvent event) {
    try {
      listener.onStt(event);
    } catch (RuntimeException e) {
      log.error("The STT listener failed on {}", event.getClass().getSimpleName(), e);
    }
  }

  private void post(Runnable task) {
    try {
      loop.execute(task);
    } catch (RejectedExecutionException e) {
      log.debug("Adapter closed; a late connection callback was dropped");
    }
  }

  private void schedule(Runnable task, Duration delay) {
    try {
      loop.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      log.debug("Adapter closed; a timer was not started");
    }
  }

  private void sendControl(String json, String what) {
    SessionConnection current = connection;
    if (closed || current == null || !current.sendText(json)) {
      log.warn("{} not sent: not connected to AssemblyAI", what);
    }
  }

  private Thread newLoopThread(Runnable body) {
    Thread thread = new Thread(body, threadName);
    thread.setDaemon(true);
    loopThread = thread;
    return thread;
  }

  /** Connection callbacks arrive on WebSocket threads and only enqueue onto the loop. */
  private final class ConnectionEvents implements SessionConnection.Events {
    @Override
    public void opened(SessionConnection from) {
      long dropped = droppedFrames.getAndSet(0);
      if (dropped > 0) {
        log.warn("Connected to AssemblyAI; {} audio frame(s) were dropped before", dropped);
      }
    }

    @Override
    public void message(SessionConnection from, ServerMessage message) {
      post(() -> onMessage(from, message));
    }

    @Override
    public void closed(SessionConnection from, int code, String reason) {
      post(() -> onClose(from, code, reason));
    }
  }
}
