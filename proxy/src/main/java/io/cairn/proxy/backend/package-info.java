/**
 * Streaming backend connections of the data paths: one raw Netty client channel at a time per replica of an
 * object PUT ({@code Expect: 100-continue}, body relayed as retained slices) or per source of an object GET
 * (body relayed as pass-through buffers), on the client channel's event loop so one request is served by one
 * thread; keep-alive channels of clean exchanges are reused per event loop and node. Small requests use the
 * pooled aggregating {@code BackendClient} of common instead.
 */
@NullMarked
package io.cairn.proxy.backend;

import org.jspecify.annotations.NullMarked;
