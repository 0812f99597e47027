package dev.turntable.harness.stubs;

import java.util.List;

/**
 * A reply exactly as the stubs would generate it for a scripted text, for in-process replays that
 * need no socket: the body, and WireMock's delivery schedule for it (a fixed delay, then the body
 * in {@code chunks} pieces over {@code totalMillis}).
 */
public record GeneratedReply(
    String contentType, byte[] body, int fixedDelayMillis, int chunks, int totalMillis) {
  private static final String MODEL = "turntable-scripted";

  /** A streamed chat reply of {@code text} from {@code service} (OpenAI or Anthropic). */
  public static GeneratedReply chat(StubService service, String text, StubTiming timing) {
    ReplySettings settings = ReplySettings.of(service, text, timing);
    List<String> tokens = TokenSplitter.split(text);
    SseStream stream = switch (service) {
      case OPENAI -> new OpenAiChunks("chatcmpl-turntable", 0, MODEL, false).stream(tokens, 0);
      case ANTHROPIC -> new AnthropicEvents("msg_turntable", MODEL, 0).stream(tokens);
      default -> throw new IllegalArgumentException(service + " is not a chat service");
    };
    return of(stream.reply(settings));
  }

  /** Streamed speech of {@code text} as raw S16LE at {@code sampleRate}. */
  public static GeneratedReply speech(
      SpeechAudio audio, String text, int sampleRate, StubService service, StubTiming timing) {
    ReplySettings settings = ReplySettings.of(service, text, timing);
    byte[] pcm = audio.pcm(text, sampleRate);
    DeliveryPlan plan =
        SpeechReplies.streamingPlan(settings.firstByteMillis(), pcm.length, sampleRate, settings);
    return of(new RenderedReply(RenderedReply.RAW_AUDIO, pcm, plan, false));
  }

  private static GeneratedReply of(RenderedReply reply) {
    DeliveryPlan plan = reply.plan();
    return new GeneratedReply(
        reply.contentType(), reply.body(), plan.fixedDelayMillis(), plan.chunks(), plan.totalMillis());
  }
}
