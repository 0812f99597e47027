package dev.turntable.harness.stubs;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Response;

/**
 * Makes a "cut" reply look like a dropped connection. A reply marked with {@link #CUT_HEADER}
 * is written as usual (its body is already the truncated part), then, instead of finishing the
 * chunked body with its last-chunk marker, the connection is aborted. Clients read the part
 * that arrived and then an unexpected end of stream, exactly as when a network path fails.
 *
 * <p>WireMock's own faults cannot do this: they fire before any body is sent.
 */
final class StreamCutFilter implements Filter {
  static final String CUT_HEADER = "X-Turntable-Cut-Connection";

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    chain.doFilter(request, new CuttableResponse((HttpServletResponse) response));
  }

  /** Hides the marker header from the client and remembers that this reply must be cut. */
  private static final class CuttableResponse extends HttpServletResponseWrapper {
    private boolean cut;
    private ServletOutputStream stream;

    CuttableResponse(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void addHeader(String name, String value) {
      if (CUT_HEADER.equalsIgnoreCase(name)) {
        cut = true;
      } else {
        super.addHeader(name, value);
      }
    }

    @Override
    public void setHeader(String name, String value) {
      if (CUT_HEADER.equalsIgnoreCase(name)) {
        cut = true;
      } else {
        super.setHeader(name, value);
      }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (!cut) {
        return super.getOutputStream();
      }
      if (stream == null) {
        stream = new CuttingStream(super.getOutputStream(), (Response) getResponse());
      }
      return stream;
    }
  }

  /** Passes writes through; closing it flushes what was written and aborts the connection. */
  private static final class CuttingStream extends ServletOutputStream {
    private final ServletOutputStream delegate;
    private final Response jettyResponse;
    private boolean aborted;

    CuttingStream(ServletOutputStream delegate, Response jettyResponse) {
      this.delegate = delegate;
      this.jettyResponse = jettyResponse;
    }

    @Override
    public void write(int b) throws IOException {
      delegate.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      delegate.write(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
      delegate.flush();
    }

    @Override
    public void close() throws IOException {
      if (aborted) {
        return;
      }
      aborted = true;
      delegate.flush();
      jettyResponse.getHttpChannel().abort(new EofException("stream cut by the Turntable stub fault"));
    }

    @Override
    public boolean isReady() {
      return delegate.isReady();
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      delegate.setWriteListener(listener);
    }
  }
}
