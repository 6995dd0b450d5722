package org.guanxi.crm.privacy.internal;

import org.guanxi.crm.platform.GuanxiProperties;
import org.guanxi.crm.privacy.BlindIndex;
import org.guanxi.crm.privacy.PrivacyProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

  @Bean
  Keyring privacyKeyring(PrivacyProperties privacy, GuanxiProperties platform) {
    return Keyring.load(privacy, platform);
  }

  /** The modules' field cipher, and the sealing platform asks for (one bean, both interfaces). */
  @Bean
  AesGcmFieldCipher fieldCipher(Keyring keyring) {
    return new AesGcmFieldCipher(keyring);
  }

  @Bean
  BlindIndex blindIndex(Keyring keyring) {
    return new HmacBlindIndex(keyring);
  }
}
