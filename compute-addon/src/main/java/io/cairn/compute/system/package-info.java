/** Cross-cutting web plumbing: OpenStack-format errors, blocking-call bridge, application wiring. */
@NullMarked
package io.cairn.compute.system;

import org.jspecify.annotations.NullMarked;
