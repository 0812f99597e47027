package dev.turntable.harness.bench;

import dev.turntable.agent.config.Environment;
import dev.turntable.agent.config.ServiceChoices;
import dev.turntable.agent.config.Services;
import dev.turntable.agent.http.StreamingHttpClients;
import dev.turntable.agent.llm.ChatMessage;
import dev.turntable.agent.llm.LlmEvent;
import dev.turntable.agent.stt.SttWireTap;
import dev.turntable.agent.tts.StreamingSynthesizer;
import dev.turntable.agent.tts.TextStream;
import dev.turntable.agent.tts.TtsEvent;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/**
 * The tutorial agent, as a reference: it waits for the LLM's whole reply, then for the TTS's
 * whole audio, and only then plays. Uses the agent's own HTTP adapters against the same stubs.
 */
final class SequentialAgent {
  private SequentialAgent() {}

  /** Milliseconds from the LLM request to the last audio byte of the whole reply. */
  static double replyMs(Environment env, ServiceChoices choices, String question) throws Exception {
    OkHttpClient http = StreamingHttpClients.create();
    try {
      Services services = Services.create(env, choices, http, SttWireTap.NONE);
      long start = System.nanoTime();
      CompletableFuture<String> text = new CompletableFuture<>();
      StringBuilder written = new StringBuilder();
      services.llm().stream(List.of(ChatMessage.user(question)), event -> {
        if (event instanceof LlmEvent.TextDelta delta) {
          written.append(delta.text());
        } else if (event instanceof LlmEvent.Failed failed) {
          text.completeExceptionally(new IllegalStateException("LLM failed: " + failed.message()));
        } else {
          text.complete(written.toString());
        }
      });
      String reply = text.get(30, TimeUnit.SECONDS);
      CompletableFuture<Void> audio = new CompletableFuture<>();
      services.tts().synthesize(reply, event -> {
        if (event instanceof TtsEvent.Completed) {
          audio.complete(null);
        } else if (event instanceof TtsEvent.Failed failed) {
          audio.completeExceptionally(new IllegalStateException("TTS failed: " + failed.message()));
        }
      });
      audio.get(30, TimeUnit.SECONDS);
      return (System.nanoTime() - start) / 1e6;
    } finally {
      StreamingHttpClients.shutdown(http);
    }
  }

  /**
   * Milliseconds from handing {@code text} to the TTS (over {@code choices}' transport, flushed at
   * once on a WebSocket) to its first audio byte, after one unmeasured warm-up request; the
   * median of {@code count}.
   */
  static double firstByteMs(Environment env, ServiceChoices choices, String text, int count)
      throws Exception {
    OkHttpClient http = StreamingHttpClients.create();
    try {
      Services services = Services.create(env, choices, http, SttWireTap.NONE);
      List<Double> samples = new java.util.ArrayList<>();
      for (int i = 0; i <= count; i++) {
        double ms = firstByteMs(services, text);
        if (i > 0) {
          samples.add(ms);
        }
      }
      return Percentiles.of(samples).p50();
    } finally {
      StreamingHttpClients.shutdown(http);
    }
  }

  private static double firstByteMs(Services services, String text) throws Exception {
    CompletableFuture<Long> first = new CompletableFuture<>();
    dev.turntable.agent.tts.TtsListener listener = event -> {
      if (event instanceof TtsEvent.Audio) {
        first.complete(System.nanoTime());
      } else if (event instanceof TtsEvent.Failed failed) {
        first.completeExceptionally(new IllegalStateException("TTS failed: " + failed.message()));
      }
    };
    long start = System.nanoTime();
    dev.turntable.agent.Cancellable request;
    if (services.tts() instanceof StreamingSynthesizer streaming) {
      TextStream stream = streaming.open(listener);
      stream.append(text);
      stream.flush();
      request = stream;
    } else {
      request = services.tts().synthesize(text, listener);
    }
    try {
      return (first.get(30, TimeUnit.SECONDS) - start) / 1e6;
    } finally {
      request.cancel();
    }
  }
}
