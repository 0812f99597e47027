package dev.turntable.agent.tts.cartesia;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code /tts/bytes} request body, asking for headerless 16-bit PCM. */
record CartesiaRequest(
    @JsonProperty("model_id") String modelId,
    String transcript,
    Voice voice,
    @JsonProperty("output_format") OutputFormat outputFormat,
    String language) {

  static final String LANGUAGE = "en";

  record Voice(String mode, String id) {}

  record OutputFormat(
      String container, String encoding, @JsonProperty("sample_rate") int sampleRate) {}

  static CartesiaRequest of(CartesiaOptions options, String transcript) {
    return new CartesiaRequest(
        options.modelId(),
        transcript,
        new Voice("id", options.voiceId()),
        new OutputFormat("raw", "pcm_s16le", options.sampleRate()),
        LANGUAGE);
  }
}
