package dev.turntable.harness.mockstt;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.protocols.Protocol;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Java-WebSocket server underneath: routes each connection's frames to its {@link Session}. */
final class MockSttSocketServer extends WebSocketServer {
  private static final Logger LOG = LoggerFactory.getLogger(MockSttSocketServer.class);

  private final SessionContext context;
  private final Consumer<RecordedSession> finished;
  private final CompletableFuture<Void> started = new CompletableFuture<>();
  /**
   * Connections whose TCP connection ended before {@link #onOpen} attached their session: the 101
   * is flushed by the selector thread while a worker thread is still on its way to onOpen, so a
   * client may read it, drop the connection, and have onClose run first. (Had the close come
   * before the worker added the connection to the server's set, Java-WebSocket calls no onClose
   * at all; onOpen then finds the channel closed.) Guarded by each connection's monitor, which
   * Java-WebSocket holds while it closes a connection.
   */
  private final Map<WebSocket, Integer> closedBeforeOpen = new ConcurrentHashMap<>();
  /** Upgrades answered 101 and not yet opened; rejected ones never open, so they are not kept. */
  private final Set<WebSocket> opening = ConcurrentHashMap.newKeySet();

  MockSttSocketServer(InetSocketAddress address, int workers, SessionContext context,
      Consumer<RecordedSession> finished) {
    super(address, workers, List.of(new Draft_6455(
        List.of(), List.of(new Protocol("")), MockAssemblyAiServer.MAX_FRAME_BYTES)));
    this.context = context;
    this.finished = finished;
    setTcpNoDelay(true);
    setReuseAddr(true);
    for (int i = 0; i < decoders.size(); i++) {
      decoders.get(i).setName("mockstt-worker-" + i);
    }
  }

  CompletableFuture<Void> started() {
    return started;
  }

  /** Only {@code /v3/ws} upgrades; Java-WebSocket answers a rejected handshake with a 404. */
  @Override
  public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(
      WebSocket connection, Draft draft, ClientHandshake request) throws InvalidDataException {
    if (!UpgradeRequest.isStreamingPath(request.getResourceDescriptor())) {
      throw new InvalidDataException(CloseFrame.POLICY_VALIDATION,
          "Not found: the streaming endpoint is " + UpgradeRequest.PATH);
    }
    ServerHandshakeBuilder response = super.onWebsocketHandshakeReceivedAsServer(connection, draft, request);
    opening.add(connection);
    return response;
  }

  @Override
  public void onOpen(WebSocket connection, ClientHandshake handshake) {
    WriteNudge nudge = new WriteNudge(connection, context.timer(), this::onWriteDemand);
    Session session = new Session(connection, nudge, UpgradeRequest.from(handshake), context);
    Integer earlyClose;
    synchronized (connection) {
      connection.setAttachment(session);
      opening.remove(connection);
      earlyClose = closedBeforeOpen.remove(connection);
      if (earlyClose == null && channelClosed(connection)) {
        // Closed with no onClose (see closedBeforeOpen), then added to the server's set: take it
        // out again, or the lost-connection check would close it, and record it, a second time.
        removeConnection(connection);
        earlyClose = CloseFrame.NEVER_CONNECTED;
      }
    }
    if (earlyClose == null) {
      session.open();
    } else {
      // Java-WebSocket reports a connection gone before it opened as -1 (never connected); to
      // the session, which had its 101, that is a connection lost without a close frame.
      int code = earlyClose == CloseFrame.NEVER_CONNECTED ? CloseFrame.ABNORMAL_CLOSE : earlyClose;
      finished.accept(session.closed(code, "connection dropped before the session opened", true));
    }
  }

  private static boolean channelClosed(WebSocket connection) {
    var channel = connection instanceof WebSocketImpl impl ? impl.getChannel() : null;
    return channel != null && !channel.isOpen();
  }

  @Override
  public void onMessage(WebSocket connection, ByteBuffer audio) {
    Session session = connection.getAttachment();
    session.onAudio(audio, context.clock().nanoTime());
  }

  @Override
  public void onMessage(WebSocket connection, String text) {
    Session session = connection.getAttachment();
    session.onText(text, context.clock().nanoTime());
  }

  /**
   * Java-WebSocket calls this holding the connection's monitor, while a session holds its own
   * lock when it closes a connection; finishing the session on the timer thread avoids a
   * lock-order deadlock.
   */
  @Override
  public void onClose(WebSocket connection, int code, String reason, boolean remote) {
    Session session = connection.getAttachment();
    if (session == null) {
      if (opening.contains(connection)) {
        closedBeforeOpen.put(connection, code);
      }
    } else {
      try {
        context.timer().execute(() -> finished.accept(session.closed(code, reason, remote)));
      } catch (RejectedExecutionException serverStopped) {
        finished.accept(session.closed(code, reason, remote));
      }
    }
  }

  @Override
  public void onError(WebSocket connection, Exception error) {
    if (connection == null) {
      if (!started.completeExceptionally(error)) {
        LOG.error("mock AssemblyAI server failed", error);
      }
    } else {
      LOG.debug("connection error on the mock AssemblyAI server", error);
    }
  }

  /** Pongs are queued like any frame, so they need the same nudge (tests use them as barriers). */
  @Override
  public void onWebsocketPing(WebSocket connection, Framedata ping) {
    super.onWebsocketPing(connection, ping);
    Session session = connection.getAttachment();
    if (session != null) {
      session.nudgeWrites();
    }
  }

  @Override
  public void onStart() {
    Thread.currentThread().setName("mockstt-selector-" + getPort());
    started.complete(null);
  }
}
