package org.guanxi.crm.platform;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the platform, bound from {@code guanxi.*} (environment: {@code GUANXI_*}).
 *
 * @param dataDir where the embedded database and the encryption key are kept
 * @param demo whether a new installation is filled with demo customers and demo accounts
 * @param bootstrapAdminToken when set as the first workspace is created, a working administrator
 *     API token
 */
@Validated
@ConfigurationProperties("guanxi")
public record GuanxiProperties(
    @DefaultValue("data") Path dataDir,
    @DefaultValue("true") boolean demo,
    @Nullable String bootstrapAdminToken) {}
