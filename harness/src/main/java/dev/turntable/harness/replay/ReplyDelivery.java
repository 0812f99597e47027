package dev.turntable.harness.replay;

import dev.turntable.agent.Cancellable;
import dev.turntable.agent.time.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Plays one {@link HttpReply} into an in-process adapter on virtual time: each piece of the body
 * at the time WireMock would write it, then the end. A reply that is not a success is delivered
 * whole, as the response the adapter's error handling reads. Cancelling stops every piece not yet
 * delivered.
 */
final class ReplyDelivery implements Cancellable {
  /** What the receiving adapter does with the reply. */
  interface Receiver {
    void piece(byte[] bytes);

    void end();

    void failed(Response response);
  }

  private final List<Cancellable> scheduled = new ArrayList<>();
  private boolean cancelled;

  private ReplyDelivery() {}

  static ReplyDelivery start(VirtualScheduler time, HttpReply reply, String url, Receiver receiver) {
    ReplyDelivery delivery = new ReplyDelivery();
    List<HttpReply.Piece> pieces = reply.pieces();
    double lastAt = pieces.get(pieces.size() - 1).atMs();
    if (!reply.successful()) {
      delivery.at(time, lastAt, () -> receiver.failed(response(reply, url)));
      return delivery;
    }
    for (HttpReply.Piece piece : pieces) {
      delivery.at(time, piece.atMs(), () -> receiver.piece(piece.bytes()));
    }
    if (reply.ends()) {
      delivery.at(time, lastAt, receiver::end);
    }
    return delivery;
  }

  private void at(VirtualScheduler time, double ms, Runnable task) {
    scheduled.add(time.schedule(Duration.ofNanos(Math.round(ms * 1e6)), () -> {
      if (!cancelled) {
        task.run();
      }
    }));
  }

  @Override
  public void cancel() {
    cancelled = true;
    scheduled.forEach(Cancellable::cancel);
  }

  static Request request(String url) {
    return new Request.Builder().url(url).build();
  }

  private static Response response(HttpReply reply, String url) {
    MediaType type = reply.contentType().isEmpty() ? null : MediaType.parse(reply.contentType());
    return new Response.Builder()
        .request(request(url))
        .protocol(Protocol.HTTP_1_1)
        .code(reply.status())
        .message("")
        .body(ResponseBody.create(reply.body(), type))
        .build();
  }

  /** Calls {@code action} with each piece, then at the end; for receivers built from lambdas. */
  static Receiver receiver(Consumer<byte[]> onPiece, Runnable onEnd, Consumer<Response> onFailed) {
    return new Receiver() {
      @Override
      public void piece(byte[] bytes) {
        onPiece.accept(bytes);
      }

      @Override
      public void end() {
        onEnd.run();
      }

      @Override
      public void failed(Response response) {
        onFailed.accept(response);
      }
    };
  }
}
