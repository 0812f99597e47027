package dev.turntable.agent.turn;

import static dev.turntable.agent.turn.InterruptionRule.AGENT_SILENT;
import static dev.turntable.agent.turn.InterruptionRule.ALWAYS_INTERRUPT_WORD;
import static dev.turntable.agent.turn.InterruptionRule.BACKCHANNEL_ONLY;
import static dev.turntable.agent.turn.InterruptionRule.EMPTY;
import static dev.turntable.agent.turn.InterruptionRule.SUBSTANTIVE;
import static dev.turntable.agent.turn.InterruptionRule.TOO_SHORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class InterruptionPolicyTest {
  private final InterruptionPolicy policy = InterruptionPolicy.defaults();
  private final InterruptionPolicy guide = InterruptionPolicy.guideOriginal();

  /** Every example of the barge-in guide, while the agent is speaking. */
  @ParameterizedTest(name = "\"{0}\" while speaking -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "mhm | BACKCHANNEL_ONLY",
        "Mhm. | BACKCHANNEL_ONLY",
        "yeah | BACKCHANNEL_ONLY",
        "um | BACKCHANNEL_ONLY",
        "Okay. | BACKCHANNEL_ONLY",
        "uh okay | BACKCHANNEL_ONLY",
        "Yeah, right. | BACKCHANNEL_ONLY",
        "Uh-huh. | BACKCHANNEL_ONLY",
        "mm-hmm | BACKCHANNEL_ONLY",
        "Gotcha! | BACKCHANNEL_ONLY",
        "yeah I'd like the suite | SUBSTANTIVE",
        "Actually, make it Tuesday. | SUBSTANTIVE",
        "tuesday | TOO_SHORT",
        "'...' | EMPTY",
        "Wait, stop. | ALWAYS_INTERRUPT_WORD",
        "stop | ALWAYS_INTERRUPT_WORD",
        "Yes. | ALWAYS_INTERRUPT_WORD",
        "no | ALWAYS_INTERRUPT_WORD",
        "yeah no | ALWAYS_INTERRUPT_WORD",
      })
  void whileSpeaking(String transcript, InterruptionRule expected) {
    assertThat(policy.evaluate(transcript, true, null)).isEqualTo(expected);
  }

  @Test
  void theGuidesOwnSettingsDropABareYesDespiteItsComment() {
    assertThat(guide.evaluate("Yes.", true, null)).isEqualTo(TOO_SHORT);
    assertThat(guide.evaluate("No.", true, null)).isEqualTo(TOO_SHORT);
    assertThat(guide.evaluate("yes please", true, null)).isEqualTo(SUBSTANTIVE);
  }

  @Test
  void alwaysInterruptWordsMakeTheDifference() {
    assertThat(policy.evaluate("Yes.", true, null)).isEqualTo(ALWAYS_INTERRUPT_WORD);
    assertThat(policy.evaluate("Yes.", true, null).interrupts()).isTrue();
    assertThat(guide.evaluate("Yes.", true, null).interrupts()).isFalse();
  }

  @Test
  void graceWindowCountsFromRealPlaybackEnd() {
    assertThat(policy.evaluate("mhm", false, Duration.ofMillis(400))).isEqualTo(BACKCHANNEL_ONLY);
    assertThat(policy.evaluate("mhm", false, Duration.ofMillis(1000))).isEqualTo(BACKCHANNEL_ONLY);
    assertThat(policy.evaluate("mhm", false, Duration.ofMillis(1001))).isEqualTo(AGENT_SILENT);
  }

  @Test
  void nothingIsFilteredWhenTheAgentNeverSpoke() {
    assertThat(policy.evaluate("mhm", false, null)).isEqualTo(AGENT_SILENT);
    assertThat(policy.evaluate("yes", false, null)).isEqualTo(AGENT_SILENT);
  }

  @Test
  void minWordsIsConfigurable() {
    var strict = new InterruptionPolicy(Set.of("mhm"), 3, Duration.ZERO, Set.of("stop"));
    assertThat(strict.evaluate("book it", true, null)).isEqualTo(TOO_SHORT);
    assertThat(strict.evaluate("book it now", true, null)).isEqualTo(SUBSTANTIVE);
    assertThat(strict.evaluate("STOP!", true, null)).isEqualTo(ALWAYS_INTERRUPT_WORD);
  }

  @Test
  void configuredWordsAreFoldedLikeTranscripts() {
    var custom = new InterruptionPolicy(Set.of("Uh-Huh"), 2, Duration.ZERO, Set.of("Hold!"));
    // "Uh-Huh" was folded to "uhhuh", so the two separate words are not a backchannel.
    assertThat(custom.evaluate("uh huh", true, null)).isEqualTo(SUBSTANTIVE);
    assertThat(custom.evaluate("uh-huh", true, null)).isEqualTo(BACKCHANNEL_ONLY);
    assertThat(custom.evaluate("hold", true, null)).isEqualTo(ALWAYS_INTERRUPT_WORD);
  }

  @Test
  void rejectsNonsenseSettings() {
    assertThatThrownBy(() -> new InterruptionPolicy(Set.of(), 0, Duration.ZERO, Set.of()))
        .hasMessageContaining("minWords");
    assertThatThrownBy(() -> new InterruptionPolicy(Set.of(), 1, Duration.ofMillis(-1), Set.of()))
        .hasMessageContaining("graceWindow");
  }
}
