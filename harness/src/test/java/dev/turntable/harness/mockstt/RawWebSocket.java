package dev.turntable.harness.mockstt;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * A WebSocket client written byte by byte, for what a well-behaved library will not send: a frame
 * header whose payload never comes, or that claims gigabytes, then a dropped connection.
 */
final class RawWebSocket implements AutoCloseable {
  private static final int TIMEOUT_MS = 5_000;

  private final Socket socket;
  private final OutputStream out;

  private RawWebSocket(Socket socket) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
  }

  /** Opens the connection and completes the upgrade; fails unless the server answers 101. */
  static RawWebSocket open(URI url, String authorization) throws IOException {
    Socket socket = new Socket(url.getHost(), url.getPort());
    socket.setSoTimeout(TIMEOUT_MS);
    socket.setTcpNoDelay(true);
    String request = "GET " + url.getRawPath() + " HTTP/1.1\r\n"
        + "Host: " + url.getHost() + ":" + url.getPort() + "\r\n"
        + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
        + "Authorization: " + authorization + "\r\n\r\n";
    socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
    String response = readHeaders(socket.getInputStream());
    if (!response.startsWith("HTTP/1.1 101")) {
      socket.close();
      throw new IOException("upgrade refused: " + response);
    }
    return new RawWebSocket(socket);
  }

  private static String readHeaders(InputStream in) throws IOException {
    ByteArrayOutputStream headers = new ByteArrayOutputStream();
    while (!headers.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed during the upgrade: " + headers);
      }
      headers.write(b);
    }
    return headers.toString(StandardCharsets.US_ASCII);
  }

  /**
   * Writes a masked frame header declaring {@code declaredLength} payload bytes, then only
   * {@code sentBytes} of them.
   */
  void writePartialFrame(int opcode, long declaredLength, int sentBytes, Random random)
      throws IOException {
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write(0x80 | opcode);
    if (declaredLength < 126) {
      frame.write(0x80 | (int) declaredLength);
    } else if (declaredLength <= 0xFFFF) {
      frame.write(0x80 | 126);
      frame.write((int) (declaredLength >> 8));
      frame.write((int) declaredLength);
    } else {
      frame.write(0x80 | 127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        frame.write((int) (declaredLength >> shift));
      }
    }
    byte[] mask = new byte[4];
    random.nextBytes(mask);
    frame.writeBytes(mask);
    byte[] payload = new byte[sentBytes];
    random.nextBytes(payload);
    frame.writeBytes(payload);
    out.write(frame.toByteArray());
    out.flush();
  }

  /** Reads until the server closes the connection or the timeout; true if it closed. */
  boolean awaitServerClose() {
    try {
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[4096];
      while (in.read(buffer) >= 0) {
        // Begin, an Error frame, a close frame: drained, the test only needs the end.
      }
      return true;
    } catch (IOException e) {
      return e instanceof java.net.SocketException; // reset by the server counts as closed
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
