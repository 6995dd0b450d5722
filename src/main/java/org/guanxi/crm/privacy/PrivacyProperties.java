package org.guanxi.crm.privacy;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of personal-data protection, bound from {@code guanxi.privacy.*}.
 *
 * @param key the master key (32 bytes, Base64); when absent, a key file is created in the data
 *     directory on first start. Either way the key is kept outside the database: losing it loses
 *     the personal data.
 */
@Validated
@ConfigurationProperties("guanxi.privacy")
public record PrivacyProperties(@Nullable String key) {}
