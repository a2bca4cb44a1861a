/**
 * Access logging off the event loops: callers hand each line to {@link io.cairn.common.log.AccessLogWriter}'s
 * bounded ring (no lock, no system call, no allocation; a full ring drops the line and counts it) and one
 * writer thread per process formats and writes the lines in batches to where the line's
 * {@code java.util.logging} logger sends them. {@code java.util.logging} stays the configuration surface
 * (logger levels and handlers); nothing here reads system properties or knows any one server.
 */
@NullMarked
package io.cairn.common.log;

import org.jspecify.annotations.NullMarked;
