package org.guanxi.crm.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A JVM of its own that runs a test's stand-in for the application, for a test to kill: the same
 * Java and class path as the test, its output and errors as one stream.
 */
public final class StandIn {

  private StandIn() {}

  /** Starts {@code main} with {@code heap} (such as {@code 1g}, or null for the default). */
  public static Process start(Class<?> main, @Nullable String heap, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    if (heap != null) {
      command.add("-Xmx" + heap);
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }
}
