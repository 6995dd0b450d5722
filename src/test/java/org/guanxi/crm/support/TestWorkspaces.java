package org.guanxi.crm.support;

import java.util.UUID;
import org.guanxi.crm.platform.Workspaces;
import org.springframework.boot.test.context.TestComponent;

/** Creates a fresh workspace for a test, with a head office and two sales teams below it. */
@TestComponent
public class TestWorkspaces {

  private final Workspaces workspaces;

  TestWorkspaces(Workspaces workspaces) {
    this.workspaces = workspaces;
  }

  public TestWorkspace create() {
    String slug = "test-" + UUID.randomUUID();
    UUID[] headOffice = new UUID[1];
    UUID id = workspaces.create(slug, "Test " + slug, false, team -> headOffice[0] = team);
    return new TestWorkspace(workspaces, id, headOffice[0]);
  }
}
