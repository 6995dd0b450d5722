package org.guanxi.crm.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.function.Supplier;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.guanxi.crm.platform.WorkspaceContext;
import org.guanxi.crm.privacy.FieldContext;
import org.junit.jupiter.api.Test;

/** The sealed format: bound to its place, naming its key, and values sealed before still open. */
class AesGcmFieldCipherTests {

  static final UUID WORKSPACE = UUID.randomUUID();
  static final UUID CUSTOMER = UUID.randomUUID();
  static final FieldContext PHONE = FieldContext.of("customer", "phone_enc", CUSTOMER);

  final MasterKey oldKey = MasterKey.generate();
  final MasterKey newKey = MasterKey.generate();

  @Test
  void aValueOpensWhereItWasSealed() {
    AesGcmFieldCipher cipher = new AesGcmFieldCipher(Keyring.of(oldKey));

    byte[] sealed = in(WORKSPACE, () -> cipher.encrypt("13812345678", PHONE));

    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("13812345678");
    assertThat(in(WORKSPACE, () -> cipher.decrypt(sealed, PHONE))).isEqualTo("13812345678");
  }

  @Test
  void aSealedValueCarriesTheFormatAndTheIdOfItsKey() {
    AesGcmFieldCipher cipher = new AesGcmFieldCipher(Keyring.of(oldKey));

    byte[] sealed = in(WORKSPACE, () -> cipher.encrypt("13812345678", PHONE));

    assertThat(sealed[0]).isEqualTo((byte) 2);
    assertThat(ByteBuffer.wrap(sealed, 1, 4).getInt()).isEqualTo(oldKey.id());
    assertThat(cipher.isCurrent(sealed)).isTrue();
  }

  @Test
  void aValueMovedToAnotherRowColumnTableOrWorkspaceDoesNotOpen() {
    AesGcmFieldCipher cipher = new AesGcmFieldCipher(Keyring.of(oldKey));
    byte[] sealed = in(WORKSPACE, () -> cipher.encrypt("13812345678", PHONE));

    for (FieldContext elsewhere :
        new FieldContext[] {
          FieldContext.of("customer", "phone_enc", UUID.randomUUID()),
          FieldContext.of("customer", "email_enc", CUSTOMER),
          FieldContext.of("sales_lead", "phone_enc", CUSTOMER)
        }) {
      assertThatThrownBy(() -> in(WORKSPACE, () -> cipher.decrypt(sealed, elsewhere)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageNotContaining("13812345678");
    }
    assertThatThrownBy(() -> in(UUID.randomUUID(), () -> cipher.decrypt(sealed, PHONE)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void partsOfAnImportRowKeyCannotBeShiftedIntoEachOther() {
    AesGcmFieldCipher cipher = new AesGcmFieldCipher(Keyring.of(oldKey));
    UUID importId = UUID.randomUUID();
    FieldContext row12 = FieldContext.of("customer_import_row", "values_enc", importId, 12);
    byte[] sealed = in(WORKSPACE, () -> cipher.encrypt("{\"phone\":\"138\"}", row12));

    assertThatThrownBy(
            () ->
                in(
                    WORKSPACE,
                    () ->
                        cipher.decrypt(
                            sealed,
                            FieldContext.of("customer_import_row", "values_enc", importId, 1))))
        .isInstanceOf(IllegalStateException.class);
    assertThat(in(WORKSPACE, () -> cipher.decrypt(sealed, row12))).isEqualTo("{\"phone\":\"138\"}");
  }

  @Test
  void aValueSealedBeforeKeyIdsStillOpensAndIsNotCurrent() {
    AesGcmFieldCipher cipher = new AesGcmFieldCipher(Keyring.of(oldKey));
    byte[] legacy = sealedWithoutKeyId(oldKey, "张伟@example.com");

    assertThat(in(WORKSPACE, () -> cipher.decrypt(legacy, PHONE))).isEqualTo("张伟@example.com");
    assertThat(cipher.isCurrent(legacy)).isFalse();
  }

  @Test
  void aValueSealedBeforeKeyIdsOpensWithAPreviousKeyToo() {
    AesGcmFieldCipher cipher = new AesGcmFieldCipher(Keyring.of(newKey, oldKey));

    assertThat(in(WORKSPACE, () -> cipher.decrypt(sealedWithoutKeyId(oldKey, "138"), PHONE)))
        .isEqualTo("138");
  }

  @Test
  void aValueSealedWithAPreviousKeyOpensAndIsSealedAgainWithTheCurrentOne() {
    byte[] sealed =
        in(WORKSPACE, () -> new AesGcmFieldCipher(Keyring.of(oldKey)).encrypt("138", PHONE));
    AesGcmFieldCipher cipher = new AesGcmFieldCipher(Keyring.of(newKey, oldKey));

    assertThat(cipher.isCurrent(sealed)).isFalse();
    byte[] resealed = in(WORKSPACE, () -> cipher.reseal(sealed, PHONE));

    assertThat(ByteBuffer.wrap(resealed, 1, 4).getInt()).isEqualTo(newKey.id());
    assertThat(cipher.isCurrent(resealed)).isTrue();
    assertThat(
            in(WORKSPACE, () -> new AesGcmFieldCipher(Keyring.of(newKey)).decrypt(resealed, PHONE)))
        .isEqualTo("138");
    assertThat(in(WORKSPACE, () -> cipher.reseal(resealed, PHONE))).isSameAs(resealed);
  }

  @Test
  void aValueSealedWithAKeyNoLongerHeldDoesNotOpenAndSaysWhichKeyItNeeds() {
    byte[] sealed =
        in(WORKSPACE, () -> new AesGcmFieldCipher(Keyring.of(oldKey)).encrypt("138", PHONE));
    AesGcmFieldCipher cipher = new AesGcmFieldCipher(Keyring.of(newKey));

    assertThatThrownBy(() -> in(WORKSPACE, () -> cipher.decrypt(sealed, PHONE)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(oldKey.name());
  }

  @Test
  void nothingStaysNothing() {
    AesGcmFieldCipher cipher = new AesGcmFieldCipher(Keyring.of(oldKey));

    assertThat(cipher.encrypt(null, PHONE)).isNull();
    assertThat(cipher.decrypt(null, PHONE)).isNull();
    assertThat(cipher.reseal(null, PHONE)).isNull();
  }

  @Test
  void sealingNeedsAWorkspace() {
    AesGcmFieldCipher cipher = new AesGcmFieldCipher(Keyring.of(oldKey));

    assertThatThrownBy(() -> cipher.encrypt("138", PHONE))
        .isInstanceOf(IllegalStateException.class);
  }

  /** A value as the cipher sealed it before key ids: format 1, a nonce, nothing associated. */
  static byte[] sealedWithoutKeyId(MasterKey master, String value) {
    byte[] nonce = new byte[12];
    new SecureRandom().nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(master.derive("guanxi field encryption v1"), "AES"),
          new GCMParameterSpec(128, nonce));
      byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(1 + 12 + sealed.length)
          .put((byte) 1)
          .put(nonce)
          .put(sealed)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> T in(UUID workspace, Supplier<T> work) {
    return WorkspaceContext.callIn(workspace, work);
  }
}
