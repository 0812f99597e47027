package dev.turntable.agent.stt.assemblyai;

import dev.turntable.agent.stt.SttConfigUpdate;
import dev.turntable.agent.stt.SttEvent;
import java.util.Optional;

/**
 * AssemblyAI's server frames as the adapter reads them, for code that has the frames without a
 * socket (an in-process replay of a recording). Parsing is the adapter's own, so both paths see the
 * same events.
 */
public final class AssemblyAiFrames {
  private final ServerMessageParser parser;

  /** @param requestedModel the {@code speech_model} asked for; a Begin naming another is logged */
  public AssemblyAiFrames(String requestedModel) {
    this.parser = new ServerMessageParser(requestedModel);
  }

  /**
   * The event a server frame carries, if the agent acts on it. An {@code Error} frame becomes a
   * {@link SttEvent.Failure} that does not retry: on the wire the error close follows it.
   */
  public Optional<SttEvent> event(String json) {
    ServerMessage message = parser.parse(json);
    if (message instanceof ServerMessage.Event event) {
      return Optional.of(event.event());
    }
    if (message instanceof ServerMessage.ServerError error) {
      return Optional.of(new SttEvent.Failure(error.code(), error.text(), false));
    }
    return Optional.empty();
  }

  /** The {@code UpdateConfiguration} frame the adapter sends for {@code update}, if it sets anything. */
  public static Optional<String> updateConfiguration(SttConfigUpdate update) {
    return ClientMessages.updateConfiguration(update);
  }
}
