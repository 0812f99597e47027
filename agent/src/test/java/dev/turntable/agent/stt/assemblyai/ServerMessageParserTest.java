package dev.turntable.agent.stt.assemblyai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.agent.stt.SttEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServerMessageParserTest {
  private final ServerMessageParser parser = new ServerMessageParser("u3-rt-pro");

  @Test
  void beginOpensTheSession() {
    assertThat(event(LoopbackAssemblyAi.BEGIN))
        .isEqualTo(new SttEvent.SessionBegan("session-1", 1772570132L));
  }

  @Test
  void speechStartedCarriesItsAudioTimestamp() {
    assertThat(event("{\"type\":\"SpeechStarted\",\"timestamp\":1216,\"confidence\":0.98}"))
        .isEqualTo(new SttEvent.SpeechStarted(1216));
  }

  @Test
  void aPartialTurnHasEndOfTurnFalseEvenWhenMarkedFormatted() {
    String partial =
        "{\"type\":\"Turn\",\"turn_order\":3,\"turn_is_formatted\":true,\"end_of_turn\":false,"
            + "\"transcript\":\"My name is—\",\"utterance\":\"\",\"end_of_turn_confidence\":0,"
            + "\"words\":[{\"start\":1216,\"end\":1635,\"text\":\"My\",\"confidence\":0.95,"
            + "\"word_is_final\":false}]}";

    SttEvent.Turn turn = ((SttEvent.TurnUpdate) event(partial)).turn();

    assertThat(turn.turnOrder()).isEqualTo(3);
    assertThat(turn.endOfTurn()).isFalse();
    assertThat(turn.transcript()).isEqualTo("My name is—");
    assertThat(turn.words()).containsExactly(new SttEvent.Word("My", 1216, 1635, 0.95, false));
  }

  @Test
  void aFinalTurnCarriesEveryWord() {
    String last =
        "{\"type\":\"Turn\",\"turn_order\":0,\"turn_is_formatted\":true,\"end_of_turn\":true,"
            + "\"transcript\":\"My name is Sonny.\",\"utterance\":\"My name is Sonny.\","
            + "\"end_of_turn_confidence\":1,\"language_code\":\"en\",\"speaker_label\":\"A\","
            + "\"words\":[{\"start\":1216,\"end\":1635,\"text\":\"My\",\"confidence\":0.95,"
            + "\"word_is_final\":true},{\"start\":1700,\"end\":2050,\"text\":\"Sonny.\","
            + "\"confidence\":0.9,\"word_is_final\":true}]}";

    SttEvent.Turn turn = ((SttEvent.TurnUpdate) event(last)).turn();

    assertThat(turn.endOfTurn()).isTrue();
    assertThat(turn.words()).hasSize(2);
    assertThat(turn.words().get(1)).isEqualTo(new SttEvent.Word("Sonny.", 1700, 2050, 0.9, true));
    assertThat(turn.lastWordEndMs()).isEqualTo(2050);
  }

  @Test
  void terminationEndsTheSession() {
    assertThat(event(LoopbackAssemblyAi.TERMINATION)).isEqualTo(new SttEvent.SessionEnded(13, 14));
  }

  @Test
  void errorFramesAndBareErrorsAreErrors() {
    assertThat(
            parser.parse(
                "{\"type\":\"Error\",\"error_code\":3008,\"error\":\"Session Expired: Maximum\"}"))
        .isEqualTo(new ServerMessage.ServerError(3008, "Session Expired: Maximum"));
    assertThat(parser.parse("{\"error\":\"Invalid API key\"}"))
        .isEqualTo(new ServerMessage.ServerError(0, "Invalid API key"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"type\":\"SpeakerRevision\",\"revisions\":[]}",
        "{\"type\":\"Warning\",\"warning_code\":1,\"warning\":\"w\"}",
        "{\"type\":\"Heartbeat\",\"total_audio_received_ms\":100}",
        "{\"type\":\"LLMGatewayResponse\",\"turn_order\":0,\"transcript\":\"t\",\"data\":{}}",
        "{\"type\":\"SomethingNew\"}",
        "{\"no_type\":1}",
        "[]",
        "not json"
      })
  void everythingElseIsIgnored(String frame) {
    assertThat(parser.parse(frame)).isInstanceOf(ServerMessage.Ignored.class);
  }

  private SttEvent event(String json) {
    ServerMessage message = parser.parse(json);
    assertThat(message).isInstanceOf(ServerMessage.Event.class);
    return ((ServerMessage.Event) message).event();
  }
}
