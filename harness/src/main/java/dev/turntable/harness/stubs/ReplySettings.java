package dev.turntable.harness.stubs;

import com.github.tomakehurst.wiremock.extension.Parameters;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a generated-reply mapping tells {@link ReplyTransformer}: the service, the text, the
 * (already speed-scaled) timing and how the reply ends. Stored as the mapping's
 * {@code transformerParameters}, so the admin API shows every delay a reply will get.
 *
 * @param text the reply (LLM) or the words to speak instead of the request's (TTS); null: TTS
 *     speaks the request's text
 * @param cutAfter share of the reply delivered before the connection is cut, or null
 * @param errorAfter share of the reply delivered before an in-stream error event, or null
 */
record ReplySettings(
    StubService service,
    String text,
    int firstByteMillis,
    double millisPerToken,
    double millisPerAudioSecond,
    int audioChunkMillis,
    Double cutAfter,
    Double errorAfter) {

  static final String SERVICE = "service";
  static final String TEXT = "text";
  static final String FIRST_BYTE_MILLIS = "firstByteMillis";
  static final String MILLIS_PER_TOKEN = "millisPerToken";
  static final String MILLIS_PER_AUDIO_SECOND = "millisPerAudioSecond";
  static final String AUDIO_CHUNK_MILLIS = "audioChunkMillis";
  static final String CUT_AFTER = "cutAfter";
  static final String ERROR_AFTER = "errorAfter";
  private static final int DEFAULT_AUDIO_CHUNK_MILLIS = 100;

  ReplySettings {
    Objects.requireNonNull(service, "service");
  }

  static ReplySettings of(StubService service, String text, StubTiming timing) {
    boolean speech = service.isSpeech();
    return new ReplySettings(
        service,
        text,
        speech ? timing.ttsFirstByteMillis() : timing.llmFirstTokenMillis(),
        timing.llmMillisPerToken(),
        timing.ttsMillisPerAudioSecond(),
        (int) timing.ttsChunk().toMillis(),
        null,
        null);
  }

  /** The same reply {@code factor} times slower. */
  ReplySettings slowedBy(double factor) {
    return new ReplySettings(
        service,
        text,
        (int) Math.round(firstByteMillis * factor),
        millisPerToken * factor,
        millisPerAudioSecond * factor,
        audioChunkMillis,
        cutAfter,
        errorAfter);
  }

  ReplySettings cutAfter(double fraction) {
    return new ReplySettings(
        service, text, firstByteMillis, millisPerToken, millisPerAudioSecond, audioChunkMillis, fraction, null);
  }

  ReplySettings errorAfter(double fraction) {
    return new ReplySettings(
        service, text, firstByteMillis, millisPerToken, millisPerAudioSecond, audioChunkMillis, null, fraction);
  }

  Map<String, Object> toParameters() {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put(SERVICE, service.name());
    if (text != null) {
      parameters.put(TEXT, text);
    }
    parameters.put(FIRST_BYTE_MILLIS, firstByteMillis);
    if (service.isSpeech()) {
      parameters.put(MILLIS_PER_AUDIO_SECOND, millisPerAudioSecond);
      parameters.put(AUDIO_CHUNK_MILLIS, audioChunkMillis);
    } else {
      parameters.put(MILLIS_PER_TOKEN, millisPerToken);
    }
    if (cutAfter != null) {
      parameters.put(CUT_AFTER, cutAfter);
    }
    if (errorAfter != null) {
      parameters.put(ERROR_AFTER, errorAfter);
    }
    return parameters;
  }

  static ReplySettings from(Parameters parameters) {
    String service = parameters.getString(SERVICE, null);
    if (service == null) {
      throw new IllegalArgumentException(
          "a mapping using the " + ReplyTransformer.NAME + " transformer needs a 'service' parameter"
              + " (one of OPENAI, ANTHROPIC, ELEVENLABS, CARTESIA)");
    }
    return new ReplySettings(
        StubService.valueOf(service),
        parameters.getString(TEXT, null),
        (int) number(parameters, FIRST_BYTE_MILLIS),
        number(parameters, MILLIS_PER_TOKEN),
        number(parameters, MILLIS_PER_AUDIO_SECOND),
        chunkMillis(parameters),
        optionalNumber(parameters, CUT_AFTER),
        optionalNumber(parameters, ERROR_AFTER));
  }

  private static int chunkMillis(Parameters parameters) {
    Double value = optionalNumber(parameters, AUDIO_CHUNK_MILLIS);
    return value == null ? DEFAULT_AUDIO_CHUNK_MILLIS : (int) Math.max(10, value);
  }

  private static double number(Parameters parameters, String key) {
    Double value = optionalNumber(parameters, key);
    return value == null ? 0 : value;
  }

  private static Double optionalNumber(Parameters parameters, String key) {
    Object value = parameters.get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    return Double.valueOf(value.toString());
  }
}
