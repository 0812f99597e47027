package dev.turntable.agent.conversation;

import dev.turntable.agent.audio.AudioSink;
import dev.turntable.agent.audio.PlaybackEvent;
import dev.turntable.agent.conversation.AgentEvent.AgentError;
import dev.turntable.agent.conversation.AgentEvent.BargeInAccepted;
import dev.turntable.agent.conversation.AgentEvent.BargeInSuppressed;
import dev.turntable.agent.conversation.AgentEvent.PartialTranscript;
import dev.turntable.agent.conversation.AgentEvent.StateChanged;
import dev.turntable.agent.conversation.AgentEvent.UserTurnEnded;
import dev.turntable.agent.llm.ChatModel;
import dev.turntable.agent.stt.SttEvent;
import dev.turntable.agent.stt.SttEvent.Turn;
import dev.turntable.agent.time.Clock;
import dev.turntable.agent.tts.SpeechSynthesizer;
import dev.turntable.agent.turn.InterruptionRule;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The conversation state machine. Every method runs on the event loop ({@code loop}); adapters'
 * threads only hand events to it. It decides when to answer, what to drop, when to stop talking,
 * and tells listeners every decision as an {@link AgentEvent}.
 */
public final class Conversation {
  private final ConversationSettings settings;
  private final Clock clock;
  private volatile long origin;
  private final List<AgentEventListener> listeners;
  private final ConversationHistory history;
  private final Speech speech;
  private final ChatModel llm;
  private final Executor loop;

  private AgentState state = AgentState.LISTENING;
  private Reply reply;
  private int replyCount;
  private int interruptingTurn = -1;
  private boolean sessionOver;

  public Conversation(
      ConversationSettings settings,
      ChatModel llm,
      SpeechSynthesizer tts,
      AudioSink speaker,
      Executor loop,
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
  }

  // ---- inputs, all on the loop ----------------------------------------------------------------

  public void onStt(SttEvent event) {
    // Java 17 has no pattern switch; the sealed hierarchy keeps this list complete.
    if (event instanceof SttEvent.TurnUpdate update) {
      onTurn(update.turn());
    } else if (event instanceof SttEvent.SpeechStarted started) {
      publish(new AgentEvent.SpeechStarted(now(), started.audioMs(), speech.audible()));
    } else if (event instanceof SttEvent.Failure failure) {
      publish(new AgentError(now(), "stt", failure.message()));
      sessionOver |= !failure.retrying();
    } else if (event instanceof SttEvent.SessionEnded) {
      sessionOver = true;
    } else if (event instanceof SttEvent.SessionBegan) {
      interruptingTurn = -1; // a reconnected session numbers its turns from 0 again
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
    if (text.isEmpty()) {
      return;
    }
    if (turn.turnOrder() == interruptingTurn) {
      acceptUserSpeech(turn, text);
      return;
    }
    InterruptionRule rule =
        settings.policy().evaluate(text, speech.audible(), speech.sincePlaybackEnded(clock));
    boolean interruptible = reply != null && reply.playbackStarted;
    if (rule == InterruptionRule.AGENT_SILENT || (rule.interrupts() && !interruptible)) {
      if (turn.endOfTurn() && reply != null) {
        // The user kept talking before any of the reply was heard: answer everything they said.
        abandonReply();
      }
      acceptUserSpeech(turn, text);
    } else if (!rule.interrupts()) {
      publish(new BargeInSuppressed(now(), turn.turnOrder(), text, turn.endOfTurn(), rule));
    } else {
      publish(new BargeInAccepted(now(), turn.turnOrder(), text, turn.endOfTurn(), rule));
      interruptingTurn = turn.turnOrder();
      bargeIn();
      acceptUserSpeech(turn, text);
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
    current.llmCall =
        llm.stream(history.snapshot(), e -> loop.execute(() -> speech.onLlm(current, e)));
  }

  private void bargeIn() {
    Reply stopped = reply;
    speech.stopSpeaking(stopped);
    String heard = stopped.heardText(speech.framesHeard(stopped));
    String unheard = unheardAfter(stopped.text.toString(), heard);
    publish(new AgentEvent.HistoryTruncated(now(), stopped.id, heard, unheard));
    history.addAssistant(heard.isEmpty() ? "" : heard + "—");
    reply = null;
    setState(AgentState.INTERRUPTED);
    setState(AgentState.LISTENING);
  }

  private void abandonReply() {
    if (reply.playbackStarted) {
      bargeIn();
      return;
    }
    speech.stopSpeaking(reply);
    reply = null;
    setState(AgentState.LISTENING);
  }

  // ---- called by Speech -----------------------------------------------------------------------

  boolean isCurrent(Reply candidate) {
    return candidate == reply;
  }

  void replyFinished(Reply finished) {
    history.addAssistant(finished.text.toString().strip());
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

  long now() {
    return clock.nanoTime() - origin;
  }

  Clock clock() {
    return clock;
  }

  void publish(AgentEvent event) {
    for (AgentEventListener listener : listeners) {
      listener.onEvent(event);
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
