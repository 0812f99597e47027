package dev.turntable.harness.cucumber;

import static dev.turntable.harness.cucumber.Durations.format;
import static dev.turntable.harness.cucumber.Durations.millis;

import dev.turntable.agent.conversation.AgentEvent;
import dev.turntable.agent.conversation.AgentEvent.ServiceRetrying;
import dev.turntable.agent.conversation.ConversationSettings;
import dev.turntable.harness.fixture.AgentEventLine;
import dev.turntable.harness.replay.ConversationScript.RetrySettings;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Steps about failing services the conversation survives: retried requests, the other provider
 * taking over, a brief notice when nothing answers, and a reconnected STT that keeps the history.
 */
public final class ServiceFailureSteps {
  private static final String RETRY = "; retrying in ";
  private static final String FALLBACK = "; trying the fallback provider";

  private final ScenarioSession session;

  public ServiceFailureSteps(ScenarioSession session) {
    this.session = session;
  }

  /** As {@code turntable agent} does: 3 attempts with backoff within a 4 s budget. */
  @Given("the agent retries failed requests")
  public void retries() {
    session.retry(new RetrySettings(null, false));
  }

  /** As {@code turntable agent} does when the other LLM's and TTS's keys are set. */
  @Given("the other provider's key is set")
  public void fallbackKeySet() {
    session.retry(new RetrySettings(null, true));
  }

  @Then("the {service} request is retried {int} time(s)")
  public void retriedTimes(String service, int times) throws Exception {
    SessionResult result = session.result();
    List<ServiceRetrying> retries = retrying(result, service, RETRY);
    if (retries.size() != times) {
      throw Explain.failure(result,
          "the " + service + " request was retried " + retries.size() + " time(s); expected " + times
              + "; retries: " + messages(result),
          Double.NaN);
    }
  }

  @Then("no request is retried")
  public void noRetry() throws Exception {
    SessionResult result = session.result();
    var retries = result.timeline().entries(ServiceRetrying.class);
    if (!retries.isEmpty()) {
      throw Explain.failure(result, "a request was retried: " + messages(result), retries.get(0).audioMs());
    }
  }

  /** The fallback was asked and its answer was spoken: no error from that service followed. */
  @Then("the other {service} provider answers")
  public void otherProviderAnswers(String service) throws Exception {
    SessionResult result = session.result();
    var handedOver = result.timeline().entries(ServiceRetrying.class).stream()
        .filter(e -> ((ServiceRetrying) e.event()).source().equals(service)
            && ((ServiceRetrying) e.event()).message().endsWith(FALLBACK))
        .findFirst();
    if (handedOver.isEmpty()) {
      throw Explain.failure(result, "the " + service + " request was never handed to the other provider; retries: "
          + messages(result), Double.NaN);
    }
    int at = result.timeline().indexOf(handedOver.get());
    var error = result.timeline().first(AgentEvent.AgentError.class, at, e -> e.source().equals(service));
    if (error.isPresent()) {
      throw Explain.failure(result, "the other " + service + " provider failed too: "
          + ((AgentEvent.AgentError) error.get().event()).message(), error.get().audioMs());
    }
    var played = result.timeline().first(AgentEvent.PlaybackStarted.class, at, e -> true);
    if (played.isEmpty()) {
      throw Explain.failure(result, "the other " + service + " provider was asked, but no reply was played after it",
          handedOver.get().audioMs());
    }
  }

  /** The default notice was spoken to its end, and it answers no turn of the history. */
  @Then("the agent tells the user it cannot answer right now")
  public void tellsTheUser() throws Exception {
    SessionResult result = session.result();
    String notice = ConversationSettings.DEFAULT_FAILURE_NOTICE;
    var request = result.timeline().all(AgentEvent.TtsRequestSent.class).stream()
        .filter(t -> t.text().equals(notice))
        .findFirst();
    if (request.isEmpty()) {
      throw Explain.failure(result, "the agent never said \"" + notice + "\"", Double.NaN);
    }
    int reply = request.get().reply();
    if (ReplyAudio.drained(result, reply).isEmpty()) {
      throw Explain.failure(result, "the notice (reply " + reply + ") was not played to its end", Double.NaN);
    }
  }

  @Then("the agent reports no error")
  public void noError() throws Exception {
    SessionResult result = session.result();
    var errors = result.timeline().entries(AgentEvent.AgentError.class);
    if (!errors.isEmpty()) {
      AgentEvent.AgentError e = (AgentEvent.AgentError) errors.get(0).event();
      throw Explain.failure(result, "the agent reported a " + e.source() + " error: " + e.message(), errors.get(0).audioMs());
    }
  }

  /** How long the agent was without speech recognition, on the session's clock. */
  @Then("the agent reconnects to the STT within {duration}")
  public void reconnectsWithin(Duration limit) throws Exception {
    SessionResult result = session.result();
    AgentEvent.SttReconnected r = requireReconnected(result);
    if (!(r.downMs() <= millis(limit))) {
      throw Explain.failure(result,
          String.format(Locale.ROOT, "the agent was without speech recognition for %s; expected at most %s",
              format(r.downMs()), format(millis(limit))),
          r.atMillis());
    }
  }

  /** The history after the reconnection holds every turn and reply of the session so far. */
  @Then("the conversation history is kept across the reconnection")
  public void historyKept() throws Exception {
    SessionResult result = session.result();
    AgentEvent.SttReconnected r = requireReconnected(result);
    var line = result.timeline().entries(AgentEvent.SttReconnected.class).get(0);
    int at = result.timeline().indexOf(line);
    List<AgentEventLine> before = result.timeline().events().subList(0, at);
    long turns = before.stream().filter(e -> e.event() instanceof AgentEvent.UserTurnEnded).count();
    long replies = before.stream()
        .filter(e -> e.event() instanceof AgentEvent.PlaybackDrained || e.event() instanceof AgentEvent.HistoryTruncated)
        .count();
    if (turns == 0 || r.historyMessages() != turns + replies) {
      throw Explain.failure(result,
          "after the reconnection the history held " + r.historyMessages() + " message(s); the session had "
              + turns + " user turn(s) and " + replies + " repl(y/ies) before it",
          line.audioMs());
    }
  }

  private static AgentEvent.SttReconnected requireReconnected(SessionResult result) {
    return result.timeline().all(AgentEvent.SttReconnected.class).stream().findFirst()
        .orElseThrow(() -> Explain.failure(result, "the agent never reconnected to the STT; errors: "
            + result.timeline().all(AgentEvent.AgentError.class).stream().map(e -> e.source() + ": " + e.message()).toList(),
            Double.NaN));
  }

  private static List<ServiceRetrying> retrying(SessionResult result, String service, String kind) {
    return result.timeline().all(ServiceRetrying.class).stream()
        .filter(r -> r.source().equals(service) && r.message().contains(kind))
        .toList();
  }

  private static List<String> messages(SessionResult result) {
    return result.timeline().all(ServiceRetrying.class).stream().map(r -> r.source() + ": " + r.message()).toList();
  }
}
