/**
 * The cipher, blind index and master key behind personal-data protection, and the audit log's
 * store, API and page.
 */
@NullMarked
package org.guanxi.crm.privacy.internal;

import org.jspecify.annotations.NullMarked;
