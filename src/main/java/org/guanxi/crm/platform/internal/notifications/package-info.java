/** Notifications in the application: the bell, the page and the API of the signed-in user's own. */
@NullMarked
package org.guanxi.crm.platform.internal.notifications;

import org.jspecify.annotations.NullMarked;
