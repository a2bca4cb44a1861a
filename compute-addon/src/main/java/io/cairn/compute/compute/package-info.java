/**
 * The compute service (a Nova v2.1 subset): servers, flavors, key pairs, compute hosts, quotas and instance
 * actions as rows in the shared SQL database, and the state machine that says which action a server accepts.
 * Subpackages: {@code api} (HTTP), {@code scheduler} (host choice), {@code agent} (the message bus and the compute
 * agents), {@code driver} (hypervisors). This package must not reach the storage modules or the image package's
 * internals: images are read over the image API like any client.
 */
@NullMarked
package io.cairn.compute.compute;

import org.jspecify.annotations.NullMarked;
