package org.guanxi.crm.privacy;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of personal-data protection, bound from {@code guanxi.privacy.*}.
 *
 * @param key the master key (32 bytes, Base64); when absent, a key file is created in the data
 *     directory on first start. Either way the key is kept outside the database: losing it loses
 *     the personal data.
 * @param previousKeys with {@code key}: earlier master keys (Base64), which still open values
 *     sealed before a key rotation and seal nothing new; the key files' counterpart is the folder
 *     {@code keys/previous} in the data directory. Run the rotation ({@code
 *     --guanxi.privacy.rotate-key}) and they are no longer needed.
 */
@Validated
@ConfigurationProperties("guanxi.privacy")
public record PrivacyProperties(@Nullable String key, @DefaultValue List<String> previousKeys) {}
