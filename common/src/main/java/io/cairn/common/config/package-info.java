/**
 * Swift's INI configuration as Swift reads it: {@link io.cairn.common.config.IniFile} (configparser's
 * syntax, {@code .conf.d} directories), {@link io.cairn.common.config.ConfigSection} ({@code [DEFAULT]}
 * inheritance per {@code readconf} or paste-deploy, typed getters with ranges, unknown-key reports), the config
 * registry ({@link io.cairn.common.config.Setting}, {@link io.cairn.common.config.ConfigDefinition}, {@link
 * io.cairn.common.config.ConfigValues}: each component's settings declared once, with {@link
 * io.cairn.common.config.ServerSettings} for those every storage server shares) and
 * {@link io.cairn.common.config.SwiftConf} ({@code swift.conf}: hash path salt, constraints). This is
 * the one place besides {@code cli} allowed to touch the environment, and it does not need to: paths
 * are passed in. Component {@code XxxConfig} classes belong to their modules, built from a section here.
 */
@NullMarked
package io.cairn.common.config;

import org.jspecify.annotations.NullMarked;
