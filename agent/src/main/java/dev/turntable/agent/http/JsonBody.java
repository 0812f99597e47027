package dev.turntable.agent.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import okhttp3.MediaType;
import okhttp3.RequestBody;

/** Request bodies serialized by Jackson, sent as exactly {@code Content-Type: application/json}. */
public final class JsonBody {
  private static final ObjectMapper JSON = new ObjectMapper();
  // Built from bytes so OkHttp does not append "; charset=utf-8" to the media type.
  private static final MediaType APPLICATION_JSON = MediaType.get("application/json");

  private JsonBody() {}

  public static RequestBody of(Object value) {
    try {
      return RequestBody.create(JSON.writeValueAsBytes(value), APPLICATION_JSON);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("could not serialize " + value.getClass().getSimpleName(), e);
    }
  }
}
