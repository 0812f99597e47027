package dev.turntable.harness.cucumber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.turntable.harness.replay.ConversationScript;
import io.cucumber.datatable.DataTable;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationTableTest {
  @Test
  void rowsBecomeUserLinesAndAgentRepliesInOrder() {
    ConversationScript script =
        ConversationTable.parse(
            DataTable.create(List.of(
                List.of("at", "who", "says", "for"),
                List.of("0.5 s", "user", "What's the weather tomorrow?", ""),
                List.of("", "agent", "Sunny.", ""),
                List.of("3200 ms", "user", "Uh-huh.", "400 ms"),
                List.of("", "agent", "Anything else?", ""))),
            "weather");

    assertThat(script.description()).isEqualTo("weather");
    assertThat(script.user())
        .containsExactly(
            new ConversationScript.UserLine("What's the weather tomorrow?", 500, null),
            new ConversationScript.UserLine("Uh-huh.", 3200, 400L));
    assertThat(script.agent()).containsExactly("Sunny.", "Anything else?");
  }

  @Test
  void aBadRowIsNamedWithWhatToWrite() {
    assertThatThrownBy(() -> ConversationTable.parse(
            DataTable.create(List.of(List.of("at", "who", "says"), List.of("soon", "user", "Hi."))), "x"))
        .hasMessage("conversation row 1 (user \"Hi.\"): \"soon\" is not a duration; write e.g. \"300 ms\" or \"1.2 s\"");
    assertThatThrownBy(() -> ConversationTable.parse(
            DataTable.create(List.of(List.of("at", "speaker", "says"), List.of("1 s", "user", "Hi."))), "x"))
        .hasMessageContaining("unknown column \"speaker\"");
    assertThatThrownBy(() -> ConversationTable.parse(
            DataTable.create(List.of(List.of("at", "who", "says"), List.of("1 s", "bot", "Hi."))), "x"))
        .hasMessageContaining("\"who\" must be user or agent");
  }

  @Test
  void aLabelSaysWhatTheAgentShouldDoWithAUserLine() {
    ConversationScript script =
        ConversationTable.parse(
            DataTable.create(List.of(
                List.of("at", "who", "says", "for", "label"),
                List.of("0.5 s", "user", "When does it open?", "", ""),
                List.of("", "agent", "At ten.", "", ""),
                List.of("2 s", "user", "at ten", "500 ms", "ignore"))),
            "echo");

    assertThat(script.user()).extracting(ConversationScript.UserLine::label).containsExactly(null, "ignore");
  }

  @Test
  void aBadLabelIsNamedWithItsRowAndTheAllowedValues() {
    assertThatThrownBy(() -> ConversationTable.parse(
            DataTable.create(List.of(List.of("at", "who", "says", "label"), List.of("1 s", "user", "Hi.", "skip"))), "x"))
        .hasMessage("conversation row 1 (user \"Hi.\"): label \"skip\" of \"Hi.\" is not one of interrupt, ignore, ordinary");
    assertThatThrownBy(() -> ConversationTable.parse(
            DataTable.create(List.of(
                List.of("at", "who", "says", "label"),
                List.of("1 s", "user", "Hi.", ""),
                List.of("", "agent", "Hello.", "ignore"))), "x"))
        .hasMessage("conversation row 2 (agent \"Hello.\"): only user rows take a label");
  }
}
