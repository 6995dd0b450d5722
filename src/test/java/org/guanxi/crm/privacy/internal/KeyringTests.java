package org.guanxi.crm.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import org.guanxi.crm.platform.GuanxiProperties;
import org.guanxi.crm.privacy.PrivacyProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where master keys are kept, and how a new one takes over from the current one. */
class KeyringTests {

  @TempDir Path dataDir;

  @Test
  void aNewInstallationGetsAKeyFileThatOnlyItsOwnerReads() throws Exception {
    Keyring keyring = Keyring.load(noKeyConfigured(), platform());

    Path file = dataDir.resolve("keys/master.key");
    assertThat(file).exists();
    assertThat(Files.getPosixFilePermissions(file))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(keyring.current().base64())
        .isEqualTo(Files.readString(file, StandardCharsets.US_ASCII));
    assertThat(keyring.previous()).isEmpty();
    assertThat(Keyring.load(noKeyConfigured(), platform()).current().id())
        .isEqualTo(keyring.current().id());
  }

  @Test
  void aNewKeyBecomesCurrentAndTheOldOneIsKeptForReading() {
    Keyring keyring = Keyring.load(noKeyConfigured(), platform());
    MasterKey old = keyring.current();

    MasterKey fresh = keyring.makeNewKeyCurrent();

    assertThat(keyring.current()).isSameAs(fresh);
    assertThat(keyring.previous()).extracting(MasterKey::id).containsExactly(old.id());
    assertThat(dataDir.resolve("keys/previous/" + old.name() + ".key")).exists();
    Keyring reloaded = Keyring.load(noKeyConfigured(), platform());
    assertThat(reloaded.current().id()).isEqualTo(fresh.id());
    assertThat(reloaded.byId(old.id())).isNotNull();
    assertThat(reloaded.whereKept(old))
        .isEqualTo(
            dataDir.resolve("keys/previous/" + old.name() + ".key").toAbsolutePath().toString());
  }

  @Test
  void aRetiredKeyIsNoLongerHeld() throws Exception {
    Keyring keyring = Keyring.load(noKeyConfigured(), platform());
    MasterKey old = keyring.current();
    keyring.makeNewKeyCurrent();

    Files.delete(dataDir.resolve("keys/previous/" + old.name() + ".key"));

    Keyring reloaded = Keyring.load(noKeyConfigured(), platform());
    assertThat(reloaded.byId(old.id())).isNull();
    assertThat(reloaded.previous()).isEmpty();
  }

  @Test
  void configuredKeysAreReadFromTheSettingsAndNotReplacedByTheApplication() {
    MasterKey current = MasterKey.generate();
    MasterKey previous = MasterKey.generate();

    Keyring keyring =
        Keyring.load(
            new PrivacyProperties(current.base64(), List.of(previous.base64())), platform());

    assertThat(keyring.current().id()).isEqualTo(current.id());
    assertThat(keyring.previous()).extracting(MasterKey::id).containsExactly(previous.id());
    assertThat(keyring.keptInFiles()).isFalse();
    assertThat(dataDir.resolve("keys")).doesNotExist();
    assertThatThrownBy(keyring::makeNewKeyCurrent)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("guanxi.privacy.previous-keys");
  }

  @Test
  void aKeyIdIsDerivedFromTheKeySoTheSameKeyAlwaysHasTheSameId() {
    MasterKey key = MasterKey.generate();

    assertThat(MasterKey.fromBase64(key.base64()).id()).isEqualTo(key.id());
    assertThat(key.name()).hasSize(8);
    assertThat(MasterKey.generate().id()).isNotEqualTo(key.id());
  }

  private PrivacyProperties noKeyConfigured() {
    return new PrivacyProperties(null, List.of());
  }

  private GuanxiProperties platform() {
    return new GuanxiProperties(dataDir, false, null);
  }
}
