package org.guanxi.crm.platform;

import java.util.UUID;

/**
 * The record does not exist, was deleted, or is not visible to the current user: all look the same.
 */
public class RecordNotFound extends RuntimeException {

  public RecordNotFound(String kind, UUID id) {
    super("No " + kind + " " + id);
  }
}
