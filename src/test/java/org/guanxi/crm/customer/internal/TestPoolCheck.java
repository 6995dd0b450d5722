package org.guanxi.crm.customer.internal;

import java.time.Instant;
import org.guanxi.crm.support.TestWorkspace;
import org.springframework.context.ApplicationContext;

/**
 * The pool check of one workspace, run at a moment the test chooses, for tests outside this package
 * (the browser journeys): what {@link CustomerChecks} does every hour, as {@code
 * CustomerPoolCheckTests} runs it, without touching other tests' workspaces.
 */
public final class TestPoolCheck {

  private TestPoolCheck() {}

  /** Returns to the pool the workspace's customers not followed up by {@code at}; how many. */
  public static int returnOverdue(ApplicationContext context, TestWorkspace workspace, Instant at) {
    CustomerPool pool = context.getBean(CustomerPool.class);
    return workspace.in(() -> pool.returnOverdue(at));
  }
}
