package dev.turntable.agent.conversation;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/** An event loop the test drives by hand: tasks wait until {@link #runAll()}. */
final class QueueLoop implements Executor {
  private final Queue<Runnable> tasks = new ArrayDeque<>();

  @Override
  public void execute(Runnable task) {
    tasks.add(task);
  }

  void runAll() {
    for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
      task.run();
    }
  }
}
