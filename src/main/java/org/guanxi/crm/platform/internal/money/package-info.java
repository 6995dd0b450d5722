/**
 * Money in several currencies: the workspace's base currency and the exchange rates to it, kept by
 * administrators (API, pages and a small CSV import), and the conversions other modules ask for
 * through {@link org.guanxi.crm.platform.ExchangeRates}.
 */
@NullMarked
package org.guanxi.crm.platform.internal.money;

import org.jspecify.annotations.NullMarked;
