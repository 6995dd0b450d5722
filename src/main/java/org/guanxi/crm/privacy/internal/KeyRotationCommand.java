package org.guanxi.crm.privacy.internal;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar guanxi.jar --guanxi.privacy.rotate-key}: replaces the privacy master key, seals
 * every value again with the new one, and stops (its web server out of reach: {@link
 * KeyRotationCommandLine}). With key files the command makes the new key itself; with a configured
 * key ({@code guanxi.privacy.key}) the administrator has configured the new key and put the old one
 * under {@code previous-keys}, and the command seals everything with it. Run again after an
 * interruption, it goes on without making yet another key while previous keys are held.
 */
@Component
@ConditionalOnProperty("guanxi.privacy.rotate-key")
class KeyRotationCommand implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(KeyRotationCommand.class);

  private final Keyring keyring;
  private final KeyRotation rotation;
  private final ApplicationContext context;

  KeyRotationCommand(Keyring keyring, KeyRotation rotation, ApplicationContext context) {
    this.keyring = keyring;
    this.rotation = rotation;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments arguments) {
    if (keyring.keptInFiles() && keyring.previous().isEmpty()) {
      keyring.makeNewKeyCurrent();
    } else if (keyring.keptInFiles()) {
      log.warn(
          "Previous keys {} are still held: going on with the rotation to {} (a rotation that was cut"
              + " off). To rotate once more, first retire them.",
          keyring.previous(),
          keyring.current());
    } else {
      log.warn("Sealing every value with the configured {}", keyring.current());
    }
    int workspaces = rotation.resealEverywhere();
    List<MasterKey> retired = keyring.previous();
    log.warn(
        "Every sealed value is now sealed with {} (workspaces: {}).{}",
        keyring.current(),
        workspaces,
        retired.isEmpty() ? "" : " The previous keys are no longer needed:");
    for (MasterKey key : retired) {
      log.warn(
          "- {}: remove it from {}; keep a copy with the backups made before now, which need it",
          key,
          keyring.whereKept(key));
    }
    System.exit(SpringApplication.exit(context, () -> 0));
  }
}
