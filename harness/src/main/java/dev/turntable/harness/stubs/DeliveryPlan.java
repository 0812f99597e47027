package dev.turntable.harness.stubs;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * When a reply's bytes leave the stub, in WireMock's terms: a fixed delay before anything, then
 * the body written in {@code chunks} equal pieces, one every {@code totalMillis / chunks} ms.
 *
 * <p>WireMock sleeps one interval before each chunk, including the first, so the fixed delay is
 * the intended first-byte time minus one interval.
 */
record DeliveryPlan(int fixedDelayMillis, int chunks, int totalMillis) {
  static final DeliveryPlan IMMEDIATE = new DeliveryPlan(0, 1, 0);

  DeliveryPlan {
    if (fixedDelayMillis < 0 || chunks < 1 || totalMillis < 0) {
      throw new IllegalArgumentException(
          "bad delivery plan: delay " + fixedDelayMillis + " ms, " + chunks + " chunks over " + totalMillis + " ms");
    }
  }

  /**
   * A body streamed in pieces of about {@code unitBytes} (a token's event, a chunk of audio), one
   * every {@code millisPerUnit}, timed so the piece holding byte {@code firstUnitEnd - 1} (the end
   * of the first token, or the first audio byte) arrives at {@code firstByteMillis}.
   *
   * <p>WireMock cuts the body into equal byte ranges, not at event boundaries: clients get
   * events split across reads, as they do from real servers.
   */
  static DeliveryPlan streamed(
      long firstByteMillis, int bodyLength, int firstUnitEnd, double unitBytes, double millisPerUnit) {
    int chunks = (int) Math.max(1, Math.min(bodyLength, Math.round(bodyLength / Math.max(1, unitBytes))));
    int chunkSize = Math.max(1, bodyLength / chunks);
    int firstChunk = Math.min(chunks - 1, Math.max(0, firstUnitEnd - 1) / chunkSize);
    double interval = Math.round(millisPerUnit);
    long fixed = Math.max(0, firstByteMillis - Math.round((firstChunk + 1) * interval));
    return new DeliveryPlan(clamp(fixed), chunks, clamp(Math.round(chunks * interval)));
  }

  /** The whole body at once after {@code millis}. */
  static DeliveryPlan whole(long millis) {
    return new DeliveryPlan(clamp(Math.max(0, millis)), 1, 0);
  }

  /** Sets the delays on a response; a body shorter than the chunk count gets one chunk per byte. */
  ResponseDefinitionBuilder applyTo(ResponseDefinitionBuilder response, int bodyLength) {
    if (fixedDelayMillis > 0) {
      response.withFixedDelay(fixedDelayMillis);
    }
    if (totalMillis > 0 && bodyLength > 0) {
      response.withChunkedDribbleDelay(Math.min(chunks, bodyLength), totalMillis);
    }
    return response;
  }

  private static int clamp(long millis) {
    return (int) Math.min(Integer.MAX_VALUE, millis);
  }
}
