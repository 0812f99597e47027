package dev.turntable.agent.conversation;

import dev.turntable.agent.Cancellable;
import dev.turntable.agent.audio.AudioSink;
import dev.turntable.agent.audio.PlaybackEvent;
import dev.turntable.agent.conversation.AgentEvent.AgentError;
import dev.turntable.agent.conversation.AgentEvent.BargeInAccepted;
import dev.turntable.agent.conversation.AgentEvent.BargeInSuppressed;
import dev.turntable.agent.conversation.AgentEvent.PartialTranscript;
import dev.turntable.agent.conversation.AgentEvent.StateChanged;
import dev.turntable.agent.conversation.AgentEvent.UserTurnEnded;
import dev.turntable.agent.llm.ChatModel;
import dev.turntable.agent.llm.LlmEvent;
import dev.turntable.agent.stt.SttEvent;
import dev.turntable.agent.stt.SttEvent.Turn;
import dev.turntable.agent.time.Clock;
import dev.turntable.agent.time.LoopScheduler;
import dev.turntable.agent.tts.SpeechSynthesizer;
import dev.turntable.agent.turn.InterruptionRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The conversation state machine. Every method runs on the event loop ({@code loop}); adapters'
 * threads only hand events to it. It decides when to answer, what to drop, when to stop talking,
 * and tells listeners every decision as an {@link AgentEvent}.
 *
 * <p>A turn that passes the interruption policy while the agent is audible first only pauses the
 * reply; the final turn (or a second passing partial) commits the interruption, and a turn that
 * comes to nothing lets the reply go on where it stopped. A new turn while the agent is still
 * preparing its reply holds that reply the same way and, once final, replaces it.
 */
public final class Conversation {
  /** A reply silenced by the turn {@code turnOrder}, waiting to know whether it was meant. */
  private record Pause(int turnOrder, long sinceNanos, Cancellable timer) {}

  private final ConversationSettings settings;
  private final Clock clock;
  private volatile long origin;
  private final List<AgentEventListener> listeners;
  private final ConversationHistory history;
  private final Speech speech;
  private final TurnJudge judge;
  private final ChatModel llm;
  private final LoopScheduler loop;
  private final SttSessions sttSessions = new SttSessions();

  private AgentState state = AgentState.LISTENING;
  private Reply reply;
  private int replyCount;
  private int committedTurn = -1;
  private Pause pause;
  private boolean sessionOver;

  public Conversation(
      ConversationSettings settings,
      ChatModel llm,
      SpeechSynthesizer tts,
      AudioSink speaker,
      LoopScheduler loop,
      Clock clock,
      List<AgentEventListener> listeners) {
    this.settings = settings;
    this.llm = llm;
    this.loop = loop;
    this.clock = clock;
    this.origin = clock.nanoTime();
    this.listeners = List.copyOf(listeners);
    this.history = new ConversationHistory(settings.maxHistoryMessages());
    this.speech = new Speech(this, tts, speaker, loop);
    this.judge = new TurnJudge(settings.policy(), settings.echoGuard(), speech.timeline());
  }

  // ---- inputs, all on the loop ----------------------------------------------------------------

  public void onStt(SttEvent event) {
    // Java 17 has no pattern switch; the sealed hierarchy keeps this list complete.
    if (event instanceof SttEvent.TurnUpdate update) {
      onTurn(update.turn());
    } else if (event instanceof SttEvent.SpeechStarted started) {
      long atMs = sttSessions.offsetMs() + started.audioMs();
      publish(new AgentEvent.SpeechStarted(now(), started.audioMs(), speech.timeline().audibleAt(atMs)));
    } else if (event instanceof SttEvent.Failure failure) {
      publish(new AgentError(now(), "stt", failure.message()));
      sessionOver |= !failure.retrying();
      if (failure.retrying()) {
        sttSessions.lost(clock.nanoTime());
      }
    } else if (event instanceof SttEvent.SessionEnded) {
      sessionOver = true;
    } else if (event instanceof SttEvent.SessionBegan began) {
      onSessionBegan(began);
    }
  }

  public void onPlayback(PlaybackEvent event) {
    speech.onPlayback(event);
  }

  /**
   * Called just before the first microphone frame is sent: from then on, event times count from
   * the start of the audio stream, so an event's time and its audio position share one origin.
   *
   * @return the clock's time at the start of the stream
   */
  public long markStreamStart() {
    origin = clock.nanoTime();
    return origin;
  }

  /** The session is ending: cancel whatever reply is still being produced. Runs on the loop. */
  public void shutDown() {
    endPause();
    if (reply != null) {
      speech.stopSpeaking(reply);
      reply = null;
    }
    sessionOver = true;
  }

  /** True while the agent's audio is coming out of the speaker; read by the mic pump. */
  public boolean agentAudible() {
    return speech.audible();
  }

  /** No reply in progress and nothing playing. */
  public boolean idle() {
    return reply == null && !speech.audible();
  }

  /** A task on the loop threw: report it as an agent error rather than dying silently. */
  public void reportBug(Throwable bug) {
    publish(new AgentError(now(), "agent", bug.toString()));
  }

  public boolean sessionOver() {
    return sessionOver;
  }

  public AgentState state() {
    return state;
  }

  // ---- turns ----------------------------------------------------------------------------------

  private void onTurn(Turn turn) {
    String text = turn.transcript().strip();
    int order = turn.turnOrder();
    if (order == committedTurn) {
      if (!text.isEmpty()) {
        acceptUserSpeech(turn, text);
      }
      return;
    }
    boolean pausedByThis = pause != null && pause.turnOrder() == order;
    if (text.isEmpty()) {
      if (pausedByThis && turn.endOfTurn()) {
        resume("final turn dropped as " + InterruptionRule.EMPTY);
      }
      return;
    }
    InterruptionRule rule = judge.judge(turn, text, sttSessions.offsetMs(), nowMs());
    if (pausedByThis) {
      onPausingTurn(turn, text, rule);
      return;
    }
    boolean heard = reply != null && reply.playbackStarted;
    if (rule == InterruptionRule.AGENT_SILENT || (rule.interrupts() && !heard)) {
      // Not said over the agent, or nothing of the reply heard yet: an ordinary user turn. A reply
      // still being prepared must not play over it; once final, one reply answers everything.
      if (reply != null && turn.endOfTurn()) {
        commit(order, heard ? "final turn" : "new turn before the reply was heard");
      } else if (reply != null) {
        pauseReply(turn, text, rule);
      }
      acceptUserSpeech(turn, text);
    } else if (!rule.interrupts()) {
      publish(new BargeInSuppressed(now(), order, text, turn.endOfTurn(), rule));
    } else {
      publish(new BargeInAccepted(now(), order, text, turn.endOfTurn(), rule));
      if (turn.endOfTurn()) {
        commit(order, "final turn");
      } else if (!settings.falseInterruptions().resume()) {
        commit(order, "partial, resume off");
      } else {
        pauseReply(turn, text, rule);
      }
      acceptUserSpeech(turn, text);
    }
  }

  /** The next transcript of the turn that paused the reply decides between commit and resume. */
  private void onPausingTurn(Turn turn, String text, InterruptionRule rule) {
    if (rule.interrupts()) {
      String reason = !reply.playbackStarted
          ? "new turn before the reply was heard"
          : turn.endOfTurn() ? "final turn" : "second partial";
      commit(turn.turnOrder(), reason);
      acceptUserSpeech(turn, text);
      return;
    }
    publish(new BargeInSuppressed(now(), turn.turnOrder(), text, turn.endOfTurn(), rule));
    if (turn.endOfTurn()) {
      resume("final turn dropped as " + rule);
    } else {
      armPause(turn.turnOrder(), pause.sinceNanos()); // still talking: wait for the final
    }
  }

  private void acceptUserSpeech(Turn turn, String text) {
    if (!turn.endOfTurn()) {
      publish(new PartialTranscript(now(), turn.turnOrder(), text));
      return;
    }
    publish(new UserTurnEnded(now(), turn.turnOrder(), text, turn.lastWordEndMs()));
    history.addUser(text);
    startReply();
  }

  private void startReply() {
    reply = new Reply(++replyCount, speech.newChunker(settings));
    Reply current = reply;
    setState(AgentState.THINKING);
    publish(new AgentEvent.LlmRequestSent(now(), current.id));
    try {
      current.llmCall =
          llm.stream(history.snapshot(), e -> loop.execute(() -> speech.onLlm(current, e)));
    } catch (RuntimeException e) {
      // An adapter that throws instead of reporting must not leave the agent thinking forever.
      loop.execute(() -> speech.onLlm(current, new LlmEvent.Failed(e.toString())));
    }
  }

  // ---- pause, resume, commit ------------------------------------------------------------------

  private void pauseReply(Turn turn, String text, InterruptionRule rule) {
    if (pause != null) {
      armPause(turn.turnOrder(), pause.sinceNanos()); // the newest turn now decides
      return;
    }
    double heardMs = speech.millisHeard(reply);
    speech.pause(reply);
    armPause(turn.turnOrder(), clock.nanoTime());
    publish(new AgentEvent.ReplyPaused(now(), reply.id, turn.turnOrder(), text, rule, heardMs));
    if (reply.playbackStarted) {
      setState(AgentState.INTERRUPTED);
    }
  }

  /** (Re)starts the wait for the pausing turn's next transcript. */
  private void armPause(int turnOrder, long sinceNanos) {
    if (pause != null) {
      pause.timer().cancel();
    }
    Pause[] armed = new Pause[1];
    Cancellable timer =
        loop.schedule(settings.falseInterruptions().timeout(), () -> {
          if (pause == armed[0]) {
            resume("no transcript within " + settings.falseInterruptions().timeout().toMillis() + " ms");
          }
        });
    armed[0] = new Pause(turnOrder, sinceNanos, timer);
    pause = armed[0];
  }

  private void resume(String reason) {
    Pause ended = endPause();
    Reply paused = reply;
    double pausedMs = (clock.nanoTime() - ended.sinceNanos()) / 1e6;
    publish(new AgentEvent.ReplyResumed(now(), paused.id, ended.turnOrder(), reason, pausedMs));
    setState(paused.playbackStarted ? AgentState.SPEAKING : AgentState.THINKING);
    speech.resume(paused);
  }

  /** The interruption is real: cancel the reply; the history keeps what the user heard of it. */
  private void commit(int turnOrder, String reason) {
    endPause();
    committedTurn = turnOrder;
    publish(new AgentEvent.InterruptionCommitted(now(), reply.id, turnOrder, reason));
    if (reply.playbackStarted) {
      bargeIn();
    } else {
      speech.stopSpeaking(reply);
      reply = null;
      setState(AgentState.LISTENING);
    }
  }

  private Pause endPause() {
    Pause ended = pause;
    if (ended != null) {
      ended.timer().cancel();
      pause = null;
    }
    return ended;
  }

  private void bargeIn() {
    Reply stopped = reply;
    speech.stopSpeaking(stopped);
    String heard = stopped.heardText(speech.framesHeard(stopped));
    String unheard = unheardAfter(stopped.text.toString(), heard);
    publish(new AgentEvent.HistoryTruncated(now(), stopped.id, heard, unheard));
    if (!stopped.notice) {
      history.addAssistant(heard.isEmpty() ? "" : heard + "—");
    }
    reply = null;
    setState(AgentState.INTERRUPTED);
    setState(AgentState.LISTENING);
  }

  // ---- speech recognition sessions ------------------------------------------------------------

  private void onSessionBegan(SttEvent.SessionBegan began) {
    long lostAt = sttSessions.began(clock.nanoTime(), nowMs());
    committedTurn = -1; // a reconnected session numbers its turns from 0 again
    if (lostAt == Long.MIN_VALUE) {
      return;
    }
    if (pause != null) {
      resume("the interrupting turn was lost with the speech recognition connection");
    }
    publish(
        new AgentEvent.SttReconnected(
            now(), began.sessionId(), (clock.nanoTime() - lostAt) / 1e6, history.size()));
  }

  // ---- called by Speech -----------------------------------------------------------------------

  boolean isCurrent(Reply candidate) {
    return candidate == reply;
  }

  void replyFinished(Reply finished) {
    if (finished.speechFailed) {
      history.addAssistant(finished.heardText(speech.framesHeard(finished)));
    } else if (!finished.notice) {
      history.addAssistant(finished.text.toString().strip());
    }
    reply = null;
    setState(AgentState.LISTENING);
  }

  void setState(AgentState next) {
    if (next != state) {
      AgentState previous = state;
      state = next;
      publish(new StateChanged(now(), previous, next));
    }
  }

  ConversationSettings settings() {
    return settings;
  }

  long now() {
    return clock.nanoTime() - origin;
  }

  /** Now on the stream's audio axis, in milliseconds. */
  long nowMs() {
    return now() / 1_000_000L;
  }

  Clock clock() {
    return clock;
  }

  /**
   * Tells every listener. A listener that throws must not take the loop down or keep the event
   * from the others: its failure becomes an {@link AgentError} from "listener".
   */
  void publish(AgentEvent event) {
    List<String> failures = new ArrayList<>();
    for (AgentEventListener listener : listeners) {
      try {
        listener.onEvent(event);
      } catch (RuntimeException e) {
        failures.add("a listener failed on " + event.getClass().getSimpleName() + ": " + e);
      }
    }
    boolean aboutListeners = event instanceof AgentError error && "listener".equals(error.source());
    if (!aboutListeners) {
      failures.forEach(message -> publish(new AgentError(now(), "listener", message)));
    }
  }

  static String unheardAfter(String full, String heard) {
    String[] words = full.strip().split("\\s+");
    int heardCount = heard.isBlank() ? 0 : heard.strip().split("\\s+").length;
    return heardCount >= words.length
        ? ""
        : String.join(" ", List.of(words).subList(heardCount, words.length));
  }
}
