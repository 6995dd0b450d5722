@NullMarked
package org.guanxi.crm.interaction.internal;

import org.jspecify.annotations.NullMarked;
