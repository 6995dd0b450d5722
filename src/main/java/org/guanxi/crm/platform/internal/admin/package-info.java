/** Administration of a workspace: its users and their roles, its teams, and personal API tokens. */
@NullMarked
package org.guanxi.crm.platform.internal.admin;

import org.jspecify.annotations.NullMarked;
