package dev.turntable.harness.stubs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A plain OkHttp client for the wire-format tests: no SDK between the test and the bytes. */
final class StubHttp {
  static final MediaType JSON = MediaType.get("application/json");
  private static final OkHttpClient CLIENT =
      new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(20)).retryOnConnectionFailure(false).build();

  /** A reply read to its end, or up to the failure that ended it. */
  record Reply(int status, Map<String, String> headers, byte[] body, IOException failure) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private StubHttp() {}

  static Reply post(String url, Map<String, String> headers, String json) throws IOException {
    Request.Builder request = new Request.Builder().url(url).post(RequestBody.create(json, JSON));
    headers.forEach(request::header);
    return execute(request.build());
  }

  static Reply get(String url) throws IOException {
    return execute(new Request.Builder().url(url).get().build());
  }

  private static Reply execute(Request request) throws IOException {
    try (Response response = CLIENT.newCall(request).execute()) {
      Map<String, String> headers = new HashMap<>();
      response.headers().forEach(pair ->
          headers.put(pair.getFirst().toLowerCase(Locale.ROOT), pair.getSecond()));
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      IOException failure = null;
      try (InputStream in = response.body().byteStream()) {
        byte[] buffer = new byte[4096];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          body.write(buffer, 0, n);
        }
      } catch (IOException e) {
        failure = e;
      }
      return new Reply(response.code(), headers, body.toByteArray(), failure);
    }
  }
}
