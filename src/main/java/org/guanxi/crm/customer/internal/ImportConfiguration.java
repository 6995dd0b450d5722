package org.guanxi.crm.customer.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Imports run in the background: the worker looks for queued ones on a schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ImportConfiguration {}
