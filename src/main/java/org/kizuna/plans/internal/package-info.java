/** Plans, their versions, approvals and history: storage, hashing, differences, HTTP API and console page. */
@NullMarked
package org.kizuna.plans.internal;

import org.jspecify.annotations.NullMarked;
