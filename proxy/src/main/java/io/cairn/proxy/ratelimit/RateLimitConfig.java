package io.cairn.proxy.ratelimit;

import io.cairn.common.config.ConfigDefinition;
import io.cairn.common.config.ConfigException;
import io.cairn.common.config.ConfigSection;
import io.cairn.common.config.ConfigValues;
import io.cairn.common.config.Setting;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code [filter:ratelimit]} with Swift's keys and defaults, declared once in {@link #DEFINITION} (the
 * size-indexed families besides).
 *
 * <p>Immutable.
 *
 * @param accountRatelimit {@code account_ratelimit}: container PUTs and DELETEs per second per account (0: none)
 * @param maxSleepSeconds {@code max_sleep_time_seconds}: a request that would wait this long or longer gets 498
 * @param logSleepSeconds {@code log_sleep_time_seconds}: waits longer than this are logged (0: none)
 * @param clockAccuracy {@code clock_accuracy}: ticks per second the counters count in
 * @param rateBufferSeconds {@code rate_buffer_seconds}: how far behind a counter may fall (a burst allowance)
 * @param whitelist {@code account_whitelist}: accounts never limited
 * @param blacklist {@code account_blacklist}: accounts refused with 497
 * @param containerLimits {@code container_ratelimit_N}: object writes per second by container size
 * @param listingLimits {@code container_listing_ratelimit_N}: container GETs per second by container size
 */
public record RateLimitConfig(
        double accountRatelimit,
        double maxSleepSeconds,
        double logSleepSeconds,
        int clockAccuracy,
        int rateBufferSeconds,
        List<String> whitelist,
        List<String> blacklist,
        SizeRates containerLimits,
        SizeRates listingLimits) {
    private static final Logger LOG = System.getLogger(RateLimitConfig.class.getName());
    static final String CONTAINER_PREFIX = "container_ratelimit_";
    static final String LISTING_PREFIX = "container_listing_ratelimit_";
    private static final Setting<Double> ACCOUNT_RATELIMIT =
            number("account_ratelimit", "0").doc("Container PUTs and DELETEs per second per account (0: none).");
    private static final Setting<Double> MAX_SLEEP_TIME_SECONDS =
            number("max_sleep_time_seconds", "60").doc("A request that would wait this long or longer gets 498.");
    private static final Setting<Double> LOG_SLEEP_TIME_SECONDS =
            number("log_sleep_time_seconds", "0").doc("Waits longer than this are logged (0: none).");
    private static final Setting<Long> CLOCK_ACCURACY = integer("clock_accuracy", "1000", "must be a positive integer")
            .require(n -> n > 0, "must be a positive integer")
            .doc("Ticks per second the counters count in.");
    private static final Setting<Long> RATE_BUFFER_SECONDS = integer("rate_buffer_seconds", "5", "must be an integer")
            .doc("How far behind a counter may fall (a burst allowance).");
    private static final Setting<List<String>> ACCOUNT_WHITELIST =
            Setting.list("account_whitelist", List.of()).doc("Deprecated in Swift: accounts never limited.");
    private static final Setting<List<String>> ACCOUNT_BLACKLIST =
            Setting.list("account_blacklist", List.of()).doc("Deprecated in Swift: accounts refused with 497.");

    /**
     * Every fixed setting of {@code [filter:ratelimit]}; the {@code container_ratelimit_N} and {@code
     * container_listing_ratelimit_N} families are read by {@link SizeRates} and never reported unknown.
     */
    public static final ConfigDefinition DEFINITION = ConfigDefinition.of(
            "ratelimit",
            List.of(
                    ACCOUNT_RATELIMIT,
                    MAX_SLEEP_TIME_SECONDS,
                    LOG_SLEEP_TIME_SECONDS,
                    CLOCK_ACCURACY,
                    RATE_BUFFER_SECONDS,
                    ACCOUNT_WHITELIST,
                    ACCOUNT_BLACKLIST),
            List.of("log_name", "log_level", "log_facility", "log_headers", "log_address"));

    public RateLimitConfig {
        whitelist = List.copyOf(whitelist);
        blacklist = List.copyOf(blacklist);
    }

    /**
     * The rates configured by container size (Swift's {@code interpret_conf_limits}): sorted by size; between two
     * sizes the rate is interpolated on the line joining them, past the last it is the last one's.
     *
     * @param points each {@code [size, rate]} as configured, sorted by size (what {@code /info} shows)
     */
    public record SizeRates(List<Map.Entry<Long, Double>> points) {
        public SizeRates {
            points = List.copyOf(points);
        }

        /**
         * Swift's {@code get_maxrate}: the requests per second allowed for a container of {@code size} objects;
         * null for an empty container or one smaller than the first size configured.
         */
        public @Nullable Double maxRate(long size) {
            if (size == 0) {
                return null;
            }
            int last = -1;
            for (int i = 0; i < points.size(); i++) {
                if (size < points.get(i).getKey()) {
                    break;
                }
                last = i;
            }
            if (last < 0) {
                return null;
            }
            long curSize = points.get(last).getKey();
            double curRate = points.get(last).getValue();
            if (last + 1 == points.size()) {
                return curRate;
            }
            long nextSize = points.get(last + 1).getKey();
            double slope = (points.get(last + 1).getValue() - curRate) / (nextSize - curSize);
            return (size - curSize) * slope + curRate;
        }

        /** As {@code /info} lists them: {@code [[size, rate], ...]}. */
        public List<List<Object>> info() {
            List<List<Object>> out = new ArrayList<>();
            for (Map.Entry<Long, Double> e : points) {
                out.add(List.of(e.getKey(), e.getValue()));
            }
            return out;
        }

        static SizeRates from(ConfigSection section, String prefix) {
            Map<Long, Double> bySize = new LinkedHashMap<>();
            for (String key : section.keys()) {
                if (key.startsWith(prefix)) {
                    String value = section.getString(key, "");
                    try {
                        bySize.put(Long.parseLong(key.substring(prefix.length()).strip()), parseFloat(value));
                    } catch (NumberFormatException e) {
                        throw new ConfigException(
                                section.source(), section.name(), key, value, "needs an integer size and a rate");
                    }
                }
            }
            List<Map.Entry<Long, Double>> sorted = new ArrayList<>(bySize.entrySet());
            sorted.sort(Comparator.comparing(Map.Entry<Long, Double>::getKey));
            return new SizeRates(sorted.stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue()))
                    .toList());
        }
    }

    /** Parses {@code section}; keys Cairn does not know go to {@code warnings}. */
    public static RateLimitConfig from(ConfigSection section, List<String> warnings) {
        ConfigValues v = DEFINITION.parse(section);
        for (String k : v.unknownKeys()) {
            if (!k.startsWith(CONTAINER_PREFIX) && !k.startsWith(LISTING_PREFIX)) {
                warnings.add("[" + section.name() + "] unknown key " + k);
            }
        }
        List<String> white = v.get(ACCOUNT_WHITELIST);
        List<String> black = v.get(ACCOUNT_BLACKLIST);
        // Swift's deprecation notices, logged (the warnings list is for keys that are ignored; these are not)
        if (!white.isEmpty()) {
            LOG.log(
                    Level.WARNING,
                    "Option account_whitelist is deprecated. Use an internal client to"
                            + " POST a `X-Account-Sysmeta-Global-Write-Ratelimit: WHITELIST` header to the specific accounts"
                            + " instead.");
        }
        if (!black.isEmpty()) {
            LOG.log(
                    Level.WARNING,
                    "Option account_blacklist is deprecated. Use an internal client to"
                            + " POST a `X-Account-Sysmeta-Global-Write-Ratelimit: BLACKLIST` header to the specific accounts"
                            + " instead.");
        }
        return new RateLimitConfig(
                v.get(ACCOUNT_RATELIMIT),
                v.get(MAX_SLEEP_TIME_SECONDS),
                v.get(LOG_SLEEP_TIME_SECONDS),
                v.get(CLOCK_ACCURACY).intValue(),
                v.get(RATE_BUFFER_SECONDS).intValue(),
                white,
                black,
                SizeRates.from(section, CONTAINER_PREFIX),
                SizeRates.from(section, LISTING_PREFIX));
    }

    /** A number as Swift's {@code float()} of the setting reads it ({@link #parseFloat}: nan and inf too). */
    private static Setting<Double> number(String key, String defaultValue) {
        return Setting.parsed(key, "number", defaultValue, "must be a number", RateLimitConfig::parseFloat);
    }

    /** An integer as Swift's {@code int()} of the setting reads it (surrounding blanks allowed). */
    private static Setting<Long> integer(String key, String defaultValue, String expected) {
        return Setting.parsed(key, "integer", defaultValue, expected, v -> Long.parseLong(v.strip()));
    }

    /** Python's {@code float()} of a setting: surrounding blanks allowed, {@code inf}/{@code nan} too. */
    static double parseFloat(String value) {
        String v = value.strip().toLowerCase(java.util.Locale.ROOT);
        return switch (v) {
            case "inf", "+inf", "infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            case "nan" -> Double.NaN;
            default -> {
                if (v.endsWith("d") || v.endsWith("f")) {
                    throw new NumberFormatException(value); // Java would take 1d and 2f; Python does not
                }
                yield Double.parseDouble(v);
            }
        };
    }
}
