package io.cairn.compute.compute.driver;

/** Makes the driver of one agent (one per host: a driver keeps per-host state such as its guests). */
@FunctionalInterface
public interface ComputeDriverFactory {
    ComputeDriver create(String host);
}
