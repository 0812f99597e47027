package dev.turntable.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.agent.conversation.AgentEvent;
import dev.turntable.agent.conversation.ConversationSettings;
import dev.turntable.agent.conversation.FalseInterruptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class AgentOptionsTest {
  private static AgentCommand parse(String... args) {
    AgentCommand command = new AgentCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }

  private static ConversationSettings settings(AgentCommand command) {
    return command.agent.conversationSettings(command.halfDuplex);
  }

  @ParameterizedTest(name = "{0} -> echo guard {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''                         | true",
        "--half-duplex              | false",
        "--half-duplex --echo-guard | true",
        "--no-echo-guard            | false",
      })
  void theEchoGuardIsOnExceptInHalfDuplex(String args, boolean on) {
    AgentCommand command = parse(args.isBlank() ? new String[0] : args.split(" "));
    assertThat(settings(command).echoGuard().enabled()).isEqualTo(on);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''                          | true  | 2000",
        "--resume-timeout-ms 1500    | true  | 1500",
        "--no-resume                 | false | 2000",
      })
  void resumeAfterAFalseInterruptionIsConfigurable(String args, boolean resume, long timeoutMs) {
    AgentCommand command = parse(args.isBlank() ? new String[0] : args.split(" "));
    assertThat(settings(command).falseInterruptions())
        .isEqualTo(new FalseInterruptions(resume, Duration.ofMillis(timeoutMs)));
  }

  @Test
  void failureHandlingIsConfigurable() {
    assertThat(settings(parse()).failureNotice()).isEqualTo(ConversationSettings.DEFAULT_FAILURE_NOTICE);
    assertThat(settings(parse("--failure-notice", "")).failureNotice()).isEmpty();
    AgentCommand command =
        parse("--retry-attempts", "2", "--retry-budget-ms", "1000", "--attempt-timeout-ms", "800", "--no-fallback");
    assertThat(command.agent.retryPolicy().maxAttempts()).isEqualTo(2);
    assertThat(command.agent.retryPolicy().budget()).isEqualTo(Duration.ofSeconds(1));
    assertThat(command.agent.retryPolicy().attemptTimeout()).isEqualTo(Duration.ofMillis(800));
    assertThat(command.agent.fallback).isFalse();
    assertThat(parse().agent.fallback).isTrue();
  }

  @Test
  void theConsoleSaysWhenSpeechRecognitionIsBack() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ConsolePrinter printer = new ConsolePrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, false);
    printer.onEvent(new AgentEvent.AgentError(0, "stt", "AssemblyAI connection lost; reconnecting in 250 ms"));
    printer.onEvent(new AgentEvent.SttReconnected(0, "s2", 412, 4));
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains("error (stt): AssemblyAI connection lost; reconnecting in 250 ms")
        .contains("speech recognition reconnected after 0.4 s; the conversation goes on (4 messages of history kept)");
  }
}
