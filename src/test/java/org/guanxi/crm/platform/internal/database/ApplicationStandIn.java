package org.guanxi.crm.platform.internal.database;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Stands in for the application in a JVM of its own, for a test to kill: starts the embedded
 * database on the directory it is given, prints {@code ready <jdbc url>} and waits.
 */
final class ApplicationStandIn {

  public static void main(String[] args) throws InterruptedException {
    EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[0]), true);
    System.out.println("ready " + database.connection().url());
    System.out.flush();
    new CountDownLatch(1).await();
  }
}
