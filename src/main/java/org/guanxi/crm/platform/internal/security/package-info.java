/**
 * Signing in (form and API tokens), the current user per request, idempotent requests and login
 * throttling.
 */
@NullMarked
package org.guanxi.crm.platform.internal.security;

import org.jspecify.annotations.NullMarked;
