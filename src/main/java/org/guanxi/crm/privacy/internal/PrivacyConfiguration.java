package org.guanxi.crm.privacy.internal;

import org.guanxi.crm.platform.GuanxiProperties;
import org.guanxi.crm.privacy.BlindIndex;
import org.guanxi.crm.privacy.FieldCipher;
import org.guanxi.crm.privacy.PrivacyProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

  @Bean
  MasterKey privacyMasterKey(PrivacyProperties privacy, GuanxiProperties platform) {
    return MasterKey.load(privacy, platform);
  }

  @Bean
  FieldCipher fieldCipher(MasterKey masterKey) {
    return new AesGcmFieldCipher(masterKey.derive("guanxi field encryption v1"));
  }

  @Bean
  BlindIndex blindIndex(MasterKey masterKey) {
    return new HmacBlindIndex(masterKey.derive("guanxi blind index v1"));
  }
}
