package dev.turntable.harness.stubs;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;

/** WireMock's Jetty 11 server with {@link StreamCutFilter} in front of the stubs (not the admin API). */
final class CuttingJettyServerFactory implements HttpServerFactory {
  @Override
  public String getName() {
    return "turntable-jetty";
  }

  @Override
  public HttpServer buildHttpServer(
      Options options, AdminRequestHandler adminRequestHandler, StubRequestHandler stubRequestHandler) {
    return new Jetty11HttpServer(options, adminRequestHandler, stubRequestHandler) {
      @Override
      protected void decorateMockServiceContextBeforeConfig(ServletContextHandler mockServiceContext) {
        mockServiceContext.addFilter(
            new FilterHolder(new StreamCutFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
      }
    };
  }
}
