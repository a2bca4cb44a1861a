/** Public Swift API v1 front door: tempauth, quorum writes and read failover (issue 4). */
@NullMarked
package io.cairn.proxy;

import org.jspecify.annotations.NullMarked;
