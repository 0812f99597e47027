package dev.turntable.harness.mockstt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerLifecycleTest {
  private static final Map<String, String> KEY = Map.of("Authorization", "test-key");

  @Test
  void closeStopsEveryThreadTheServerStarted() throws Exception {
    MockAssemblyAiServer server = MockAssemblyAiServer.builder().tls()
        .driver(ScriptedDriver.factory(Script.of(new Utterance("Hi.", 0, 200)))).start();
    TestClient client = new TestClient(server.url(), KEY);
    client.setSocketFactory(CertificateTrust.socketFactoryTrusting(server.caCertificatePem()));
    client.connectOrFail();
    client.nextMessage("Begin");
    client.sendAudioAndSync(500);
    assertThat(serverThreads()).isNotEmpty();

    server.close();

    for (Thread thread : serverThreads()) {
      thread.join(Duration.ofSeconds(5).toMillis());
    }
    assertThat(serverThreads()).as("threads left running after close()").isEmpty();
    assertThat(TestClient.closeOf(client.untilClosed()).code()).isEqualTo(1001);
  }

  @Test
  void takeSessionFailsClearlyWhenNoSessionCloses() {
    try (MockAssemblyAiServer server = MockAssemblyAiServer.builder().start()) {
      assertThatThrownBy(() -> server.takeSession(Duration.ofMillis(50)))
          .hasMessageContaining("timed out").hasMessageContaining("waiting for a session");
    }
  }

  @Test
  void reportsAPortAlreadyInUse() {
    try (MockAssemblyAiServer first = MockAssemblyAiServer.builder().start()) {
      assertThatThrownBy(() -> MockAssemblyAiServer.builder().port(first.port()).start())
          .hasMessageContaining("could not listen on 127.0.0.1:" + first.port());
    }
  }

  private static List<Thread> serverThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("mockstt-") && t.isAlive()).toList();
  }
}
