/**
 * Messages between the API, the scheduler and the compute agents (in-process or over AMQP), the scheduler's
 * service (claims and dispatch), the compute agent (drives a {@code ComputeDriver}, reports heartbeats) and the
 * watchdog that fails builds on hosts that went silent.
 */
@NullMarked
package io.cairn.compute.compute.agent;

import org.jspecify.annotations.NullMarked;
