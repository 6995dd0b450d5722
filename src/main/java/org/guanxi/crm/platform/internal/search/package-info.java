/** The search box of every page, over what the modules' search sources find. */
@NullMarked
package org.guanxi.crm.platform.internal.search;

import org.jspecify.annotations.NullMarked;
