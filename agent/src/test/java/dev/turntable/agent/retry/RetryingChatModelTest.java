package dev.turntable.agent.retry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.agent.Cancellable;
import dev.turntable.agent.llm.ChatMessage;
import dev.turntable.agent.llm.ChatModel;
import dev.turntable.agent.llm.LlmEvent;
import dev.turntable.agent.llm.LlmListener;
import dev.turntable.agent.time.ManualClock;
import dev.turntable.agent.time.ManualLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryingChatModelTest {
  private static final List<ChatMessage> HISTORY = List.of(ChatMessage.user("Hello?"));

  private final ManualClock clock = new ManualClock();
  private final ManualLoop loop = new ManualLoop(clock);
  private final List<LlmEvent> received = new ArrayList<>();

  /** A provider that answers each call with the next script: "ok", "429", "500", "401" or "hang". */
  private static final class ScriptedModel implements ChatModel {
    final List<String> script;
    int calls;
    int cancels;

    ScriptedModel(String... script) {
      this.script = List.of(script);
    }

    @Override
    public Cancellable stream(List<ChatMessage> history, LlmListener listener) {
      String step = script.get(Math.min(calls++, script.size() - 1));
      switch (step) {
        case "ok" -> {
          listener.onLlm(new LlmEvent.TextDelta("Hi from call " + calls + "."));
          listener.onLlm(new LlmEvent.Completed("stop"));
        }
        case "hang" -> {}
        case "text-then-500" -> {
          listener.onLlm(new LlmEvent.TextDelta("Half"));
          listener.onLlm(new LlmEvent.Failed("HTTP 500", true));
        }
        default -> listener.onLlm(new LlmEvent.Failed("HTTP " + step, !step.equals("401")));
      }
      return () -> cancels++;
    }
  }

  private void stream(ChatModel model) {
    model.stream(HISTORY, received::add);
    loop.advance(60_000);
  }

  private RetryingChatModel retrying(ChatModel primary, ChatModel fallback) {
    return new RetryingChatModel(
        primary, Optional.ofNullable(fallback), RetryPolicy.DEFAULT, loop, clock);
  }

  private long count(Class<? extends LlmEvent> type) {
    return received.stream().filter(type::isInstance).count();
  }

  /** Script of the primary, fallback present?, primary calls, fallback calls, last event. */
  @ParameterizedTest(name = "primary {0}, fallback {1} -> {2} + {3} calls, ends {4}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ok           | false | 1 | 0 | Completed",
        "429,ok       | false | 2 | 0 | Completed",
        "500,503,ok   | false | 3 | 0 | Completed",
        "500,500,500  | false | 3 | 0 | Failed",
        "500,500,500  | true  | 3 | 1 | Completed",
        "401          | false | 1 | 0 | Failed",
        "401          | true  | 1 | 1 | Completed",
        "hang,ok      | false | 2 | 0 | Completed",
        "text-then-500| true  | 1 | 0 | Failed",
      })
  void retriesThenFallsBackThenReports(
      String script, boolean withFallback, int primaryCalls, int fallbackCalls, String last) {
    ScriptedModel primary = new ScriptedModel(script.split(","));
    ScriptedModel fallback = new ScriptedModel("ok");
    stream(retrying(primary, withFallback ? fallback : null));

    assertThat(primary.calls).isEqualTo(primaryCalls);
    assertThat(fallback.calls).isEqualTo(fallbackCalls);
    assertThat(received.get(received.size() - 1).getClass().getSimpleName()).isEqualTo(last);
    assertThat(count(LlmEvent.Retrying.class)).isEqualTo(primaryCalls + fallbackCalls - 1);
  }

  @Test
  void aSuccessfulCallPassesThroughUnchanged() {
    stream(retrying(new ScriptedModel("ok"), new ScriptedModel("ok")));
    assertThat(received)
        .containsExactly(new LlmEvent.TextDelta("Hi from call 1."), new LlmEvent.Completed("stop"));
  }

  @Test
  void aStalledAttemptIsCancelledBeforeTheRetry() {
    ScriptedModel primary = new ScriptedModel("hang", "ok");
    stream(retrying(primary, null));
    assertThat(primary.cancels).isGreaterThanOrEqualTo(1);
    assertThat(received.get(0)).isInstanceOf(LlmEvent.Retrying.class);
    assertThat(((LlmEvent.Retrying) received.get(0)).message()).contains("no answer within 3000 ms");
  }

  @Test
  void noRetryStartsPastTheLatencyBudget() {
    ScriptedModel primary = new ScriptedModel("hang", "hang", "hang");
    RetryingChatModel model =
        new RetryingChatModel(
            primary,
            Optional.empty(),
            RetryPolicy.DEFAULT.withBudget(Duration.ofSeconds(3)).withAttemptTimeout(Duration.ofSeconds(2)),
            loop,
            clock);
    stream(model);
    // 2 s timeout + 250 ms backoff fits in 3 s; a third attempt would start at 4.75 s.
    assertThat(primary.calls).isEqualTo(2);
    assertThat(received.get(received.size() - 1)).isInstanceOf(LlmEvent.Failed.class);
  }

  @Test
  void nothingIsDeliveredAfterCancel() {
    ScriptedModel primary = new ScriptedModel("500", "ok");
    Cancellable call = retrying(primary, null).stream(HISTORY, received::add);
    loop.runAll();
    call.cancel();
    loop.advance(10_000);
    assertThat(count(LlmEvent.TextDelta.class)).isZero();
    assertThat(primary.calls).isEqualTo(1);
  }
}
