/** Public Swift API v1 front door with tempauth, quorum writes and read failover (issue 4; not built yet). */
@NullMarked
package io.cairn.proxy;

import org.jspecify.annotations.NullMarked;
