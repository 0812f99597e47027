package dev.turntable.harness.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.turntable.agent.stt.assemblyai.TurnPreset;
import dev.turntable.harness.mockstt.Fault;
import dev.turntable.harness.mockstt.Utterance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConversationScriptTest {
  @TempDir Path temp;

  @Test
  void everyBundledConversationStillReadsWithDefaultSettings() throws IOException {
    try (Stream<Path> dirs = Files.list(Path.of("..", "fixtures"))) {
      var scripts = dirs.map(d -> d.resolve(FixtureSynthesizer.SCRIPT_FILE)).filter(Files::isRegularFile).toList();
      assertThat(scripts).hasSizeGreaterThanOrEqualTo(3);
      for (Path file : scripts) {
        ConversationScript script = ConversationScript.load(file);
        if (!java.util.Set.of("question-answer", "backchannel-while-speaking", "barge-in-wait-stop")
            .contains(file.getParent().getFileName().toString())) {
          continue; // the corpus's scripts set presets, timings and errors on purpose
        }
        assertThat(script.conversationSettings().policy()).isEqualTo(dev.turntable.agent.turn.InterruptionPolicy.defaults());
        assertThat(script.serviceChoices().preset()).isEqualTo(TurnPreset.BALANCED);
        assertThat(script.timing().toStubTiming()).isEqualTo(dev.turntable.harness.stubs.StubTiming.DEFAULT);
        assertThat(script.faults()).isEmpty();
        assertThat(script.errors()).isEmpty();
      }
    }
  }

  @Test
  void settingsReachTheAgentTheStubsAndTheMockServer() {
    ConversationScript script =
        ConversationScript.parse(
            """
            {"user": [{"text": "Hello there.", "at_ms": 500, "duration_ms": 800}],
             "agent": ["Hi."],
             "timing": {"llm_first_token_ms": 900, "tts_first_byte_ms": 50},
             "turns": {"preset": "patient", "max_turn_silence": 1500},
             "policy": {"backchannels": [], "always_interrupt": ["halt"], "grace_ms": 200},
             "stt_faults": [{"drop_at_ms": 3000}, {"close_at_ms": 4000, "code": 1011}],
             "errors": [{"service": "tts", "fault": "cut", "times": 2}]}
            """,
            "test");

    assertThat(script.utterances()).containsExactly(new Utterance("Hello there.", 500, 1300));
    assertThat(script.timing().toStubTiming().llmFirstToken()).isEqualTo(Duration.ofMillis(900));
    assertThat(script.timing().toStubTiming().llmTokensPerSecond()).isEqualTo(40);
    assertThat(script.turns().minMs()).isEqualTo(200);
    assertThat(script.turns().maxMs()).isEqualTo(1500);
    assertThat(script.serviceChoices().maxTurnSilenceMs()).isEqualTo(1500);
    var policy = script.conversationSettings().policy();
    assertThat(policy.backchannels()).isEmpty();
    assertThat(policy.alwaysInterrupt()).containsExactly("halt");
    assertThat(policy.graceWindow()).isEqualTo(Duration.ofMillis(200));
    assertThat(policy.minWords()).isEqualTo(2);
    assertThat(script.faults()).containsExactly(new Fault.DropAt(3000), new Fault.CloseAt(4000, 1011, ""));
    assertThat(script.errors().get(0).times()).isEqualTo(2);
  }

  @Test
  void anUnknownFieldIsOneLineWithTheFileTheLineAndTheKnownFields() throws IOException {
    Path file = temp.resolve("conversation.json");
    Files.writeString(file, "{\"user\": [\n  {\"text\": \"Hi.\", \"start\": 5}],\n \"agent\": [\"Hello.\"]}");
    assertThatThrownBy(() -> ConversationScript.load(file))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(file + ":2:")
        .hasMessageContaining("unknown field \"start\"")
        .hasMessageContaining("known fields: [at_ms, duration_ms, label, text]")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void overlappingLinesNameBothAndHowToFixIt() {
    assertThatThrownBy(() -> ConversationScript.parse(
            "{\"user\": [{\"text\": \"Tell me about the weather tomorrow.\", \"at_ms\": 0},"
                + " {\"text\": \"Mhm.\", \"at_ms\": 500}], \"agent\": [\"Sunny.\"]}", "scenario X"))
        .hasMessageContaining("scenario X")
        .hasMessageContaining("\"Mhm.\" at 500 ms starts before \"Tell me about the weather tomorrow.\" ends")
        .hasMessageContaining("set duration_ms");
  }

  @Test
  void badValuesAreRefusedWithTheAllowedOnes() {
    assertThatThrownBy(() -> ConversationScript.parse(
            "{\"user\": [{\"text\": \"Hi.\", \"at_ms\": 0}], \"agent\": [\"Hello.\"],"
                + " \"errors\": [{\"service\": \"stt\", \"status\": 500}]}", "s"))
        .hasMessageContaining("service must be one of [llm, tts], was stt");
    assertThatThrownBy(() -> ConversationScript.parse(
            "{\"user\": [{\"text\": \"Hi.\", \"at_ms\": 0}], \"agent\": [\"Hello.\"],"
                + " \"turns\": {\"preset\": \"sleepy\"}}", "s"))
        .hasMessageContaining("sleepy");
  }

  @Test
  void theDurationModelGrowsWithLettersAndPauses() {
    assertThat(UtteranceDurations.estimateMs("Mhm.")).isEqualTo(300 + 3 * 55);
    assertThat(UtteranceDurations.estimateMs("Wait, stop.")).isEqualTo(300 + 8 * 55 + 150);
  }
}
