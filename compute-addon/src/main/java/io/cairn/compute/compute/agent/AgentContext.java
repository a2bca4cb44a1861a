package io.cairn.compute.compute.agent;

import io.cairn.compute.compute.ActionRepository;
import io.cairn.compute.compute.HostRepository;
import io.cairn.compute.compute.ImageClient;
import io.cairn.compute.compute.ServerRepository;
import io.cairn.compute.config.ComputeProperties;
import java.time.Clock;

/** What agents and the scheduler service share: the database, the image API, the bus, the clock, the settings. */
public record AgentContext(
        ServerRepository servers,
        HostRepository hosts,
        ActionRepository actions,
        ImageClient images,
        MessageBus bus,
        Clock clock,
        ComputeProperties properties) {}
