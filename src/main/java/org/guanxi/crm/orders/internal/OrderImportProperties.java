package org.guanxi.crm.orders.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of order imports, bound from {@code guanxi.order-imports.*}.
 *
 * @param linesPerBatch lines settled per transaction: fewer means more frequent progress, more
 *     means fewer round trips
 * @param customersPerBatch customers told of their purchases per transaction once the lines are in
 * @param connections connections an import works on at once, each settling its own run of the
 *     file's batches (the customers are told in two ranges, so on two at most)
 */
@Validated
@ConfigurationProperties("guanxi.order-imports")
record OrderImportProperties(
    @DefaultValue("10000") @Min(1) @Max(100000) int linesPerBatch,
    @DefaultValue("5000") @Min(1) @Max(50000) int customersPerBatch,
    @DefaultValue("2") @Min(1) @Max(16) int connections) {}
