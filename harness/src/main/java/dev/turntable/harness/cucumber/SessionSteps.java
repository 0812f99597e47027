package dev.turntable.harness.cucumber;

import dev.turntable.agent.stt.assemblyai.TurnPreset;
import dev.turntable.harness.fixture.FixtureReader;
import dev.turntable.harness.replay.ConversationScript;
import dev.turntable.harness.replay.ConversationScript.PolicySettings;
import dev.turntable.harness.replay.ConversationScript.ServiceError;
import dev.turntable.harness.replay.ConversationScript.ServiceTiming;
import dev.turntable.harness.replay.ConversationScript.SttFault;
import dev.turntable.harness.replay.ConversationScript.TurnSilences;
import dev.turntable.harness.replay.ReplayOptions;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.List;

/**
 * Given and When steps: which session, with which settings, run how. Each only records what the
 * scenario asked for in the {@link ScenarioSession}; the session runs when a Then step needs it.
 */
public final class SessionSteps {
  private final ScenarioSession session;

  public SessionSteps(ScenarioSession session) {
    this.session = session;
  }

  @Given("the recorded session {string}")
  public void theRecordedSession(String path) {
    session.useFixture(FixtureReader.read(FixtureReader.locate(path)));
  }

  /** Needs Docker and Testcontainers (an optional dependency of the harness) on the classpath. */
  @Given("the mocks run in the container {string}")
  public void theMocksRunInTheContainer(String image) {
    session.useContainer(image);
  }

  @Given("the conversation:")
  public void theConversation(DataTable table) {
    session.useScript(ConversationTable.parse(table, session.name()));
  }

  /** The JSON format of {@code conversation.json} (see harness/docs/conversation-script.md). */
  @Given("the conversation script:")
  public void theConversationScript(String json) {
    session.useScript(ConversationScript.parse(json, "the conversation script of \"" + session.name() + "\""));
  }

  @Given("the backchannel words are {words}")
  public void backchannelWords(List<String> words) {
    session.policy(new PolicySettings(words, null, null, null));
  }

  @Given("there are no backchannel words")
  public void noBackchannelWords() {
    session.policy(new PolicySettings(List.of(), null, null, null));
  }

  @Given("an interruption needs at least {int} word(s)")
  public void minimumWords(int words) {
    session.policy(new PolicySettings(null, words, null, null));
  }

  @Given("the grace window is {duration}")
  public void graceWindow(Duration grace) {
    session.policy(new PolicySettings(null, null, grace.toMillis(), null));
  }

  @Given("the words that always interrupt are {words}")
  public void alwaysInterrupt(List<String> words) {
    session.policy(new PolicySettings(null, null, null, words));
  }

  @Given("no words always interrupt")
  public void noAlwaysInterrupt() {
    session.policy(new PolicySettings(null, null, null, List.of()));
  }

  @Given("the {preset} turn preset")
  public void preset(TurnPreset preset) {
    session.turns(new TurnSilences(preset.name().toLowerCase(java.util.Locale.ROOT), null, null));
  }

  @Given("turns end after {duration} of silence at the least and {duration} at the most")
  public void turnSilences(Duration min, Duration max) {
    session.turns(new TurnSilences(null, (int) min.toMillis(), (int) max.toMillis()));
  }

  @Given("the LLM's first token comes after {duration}")
  public void llmFirstToken(Duration delay) {
    session.timing(new ServiceTiming(delay.toMillis(), null, null));
  }

  @Given("the LLM streams {double} tokens per second")
  public void llmTokensPerSecond(double rate) {
    session.timing(new ServiceTiming(null, rate, null));
  }

  @Given("the TTS's first audio comes after {duration}")
  public void ttsFirstByte(Duration delay) {
    session.timing(new ServiceTiming(null, null, delay.toMillis()));
  }

  @Given("the STT connection drops at {duration}")
  public void sttDrops(Duration at) {
    session.sttFault(new SttFault(at.toMillis(), null, null, null));
  }

  @Given("the STT server closes the connection with code {int} at {duration}")
  public void sttCloses(int code, Duration at) {
    session.sttFault(new SttFault(null, at.toMillis(), code, "closed by the scenario"));
  }

  @Given("the {service} answers the first request with status {int}")
  public void serviceStatus(String service, int status) {
    session.serviceError(new ServiceError(service, status, null, 1));
  }

  @Given("the {service} answers the first {int} requests with status {int}")
  public void serviceStatusTimes(String service, int times, int status) {
    session.serviceError(new ServiceError(service, status, null, times));
  }

  @Given("the {service} stream of the first reply is cut midway")
  public void serviceCut(String service) {
    session.serviceError(new ServiceError(service, null, "cut", 1));
  }

  @When("it is replayed")
  public void itIsReplayed() throws Exception {
    session.run(ReplayOptions.virtual());
  }

  @When("it is replayed over the wire at {double}x")
  public void itIsReplayedOverTheWireAt(double speed) throws Exception {
    session.run(ReplayOptions.wire(speed));
  }

  @When("the conversation runs")
  public void theConversationRuns() throws Exception {
    session.run(ReplayOptions.virtual());
  }

  @When("the conversation runs over the wire at {double}x")
  public void theConversationRunsOverTheWire(double speed) throws Exception {
    session.run(ReplayOptions.wire(speed));
  }
}
