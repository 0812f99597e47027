package dev.turntable.agent.stt.assemblyai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.agent.stt.SttConfigUpdate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientMessagesTest {

  @Test
  void controlMessagesAreExactlyTheDocumentedJson() {
    assertThat(ClientMessages.TERMINATE).isEqualTo("{\"type\":\"Terminate\"}");
    assertThat(ClientMessages.FORCE_ENDPOINT).isEqualTo("{\"type\":\"ForceEndpoint\"}");
    assertThat(ClientMessages.KEEP_ALIVE).isEqualTo("{\"type\":\"KeepAlive\"}");
  }

  @Test
  void updateConfigurationCarriesEveryFieldThatIsSet() {
    SttConfigUpdate update =
        new SttConfigUpdate(200, 5000, List.of("account number"), "Say \"hi\"");

    assertThat(ClientMessages.updateConfiguration(update))
        .contains(
            "{\"type\":\"UpdateConfiguration\",\"keyterms_prompt\":[\"account"
                + " number\"],\"prompt\":\"Say"
                + " \\\"hi\\\"\",\"min_turn_silence\":200,\"max_turn_silence\":5000}");
  }

  @Test
  void updateConfigurationLeavesOutNullFieldsButSendsAnEmptyListToClearIt() {
    assertThat(ClientMessages.updateConfiguration(SttConfigUpdate.turnSilence(100, 800)))
        .contains(
            "{\"type\":\"UpdateConfiguration\",\"min_turn_silence\":100,\"max_turn_silence\":800}");
    assertThat(ClientMessages.updateConfiguration(new SttConfigUpdate(null, null, List.of(), null)))
        .contains("{\"type\":\"UpdateConfiguration\",\"keyterms_prompt\":[]}");
    assertThat(ClientMessages.updateConfiguration(new SttConfigUpdate(null, null, null, null)))
        .isEmpty();
  }
}
